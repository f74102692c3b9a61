import { CriterionKind, Level } from '@dangbo/shared-types';
import type { BandDefinition, CriterionDefinition, DowngradeDefinition, GateDefinition, QuotaDefinition } from '../types';

/** 366-QĐ/TW, Điều 11: ≥ 90 xuất sắc, ≥ 70 tốt, ≥ 50 hoàn thành, else không hoàn thành. */
export const STANDARD_BANDS: readonly BandDefinition[] = [
  { level: Level.EXCELLENT, min: 90 },
  { level: Level.GOOD, min: 70 },
  { level: Level.COMPLETED, min: 50 },
];

/** 20% of GOOD, 25% where the period grants the exception (the base setting belongs to the period). */
export const STANDARD_QUOTA: QuotaDefinition = { share: 0.2, outstandingShare: 0.25 };

/**
 * The conditions every framework shares (Điều 11), on the task counts' derived shares:
 * - xuất sắc: every task done on time, at least 30% exceeded, every shortcoming named before fixed;
 * - tốt: every task done on time (so 15% late is not tốt);
 * - hoàn thành: every task done, at most 20% of them late.
 */
export function standardGates(extra: { excellent?: string; good?: string } = {}): GateDefinition[] {
  const and = (base: string, more?: string): string => (more ? `${base} and ${more}` : base);
  return [
    {
      level: Level.EXCELLENT,
      expression: and('tasks_on_time_share == 1 and tasks_exceeded_share >= 0.3 and shortcomings_fixed_pct == 100', extra.excellent),
      message: 'Xuất sắc cần hoàn thành 100% nhiệm vụ đúng tiến độ, ít nhất 30% vượt mức và khắc phục xong 100% hạn chế, khuyết điểm đã chỉ ra',
    },
    {
      level: Level.GOOD,
      expression: and('tasks_on_time_share == 1', extra.good),
      message: 'Hoàn thành tốt cần hoàn thành 100% nhiệm vụ đúng tiến độ, bảo đảm chất lượng',
    },
    {
      level: Level.COMPLETED,
      expression: 'tasks_missed == 0 and tasks_late_share <= 0.2',
      message: 'Hoàn thành cần hoàn thành 100% nhiệm vụ, chậm tiến độ không quá 20%',
    },
  ];
}

export const DISCIPLINE_DOWNGRADE: DowngradeDefinition = {
  code: 'bi_ky_luat',
  expression: 'discipline_level >= 1',
  message: 'Bị xử lý kỷ luật từ khiển trách trở lên trong kỳ đánh giá',
};

export const TASKS_MISSED_DOWNGRADE: DowngradeDefinition = {
  code: 'khong_hoan_thanh_tren_50',
  expression: 'tasks_missed_share > 0.5',
  message: 'Không hoàn thành trên 50% nhiệm vụ trong năm',
};

export const DEGENERATION_DOWNGRADE: DowngradeDefinition = {
  code: 'suy_thoai',
  expression: 'degeneration_signs == 1',
  message: 'Bị cấp có thẩm quyền kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa"',
};

export const FORBIDDEN_ACTS_DOWNGRADE: DowngradeDefinition = {
  code: 'vi_pham_dieu_cam',
  expression: 'forbidden_acts_breach == 1',
  message: 'Vi phạm những điều đảng viên không được làm hoặc trách nhiệm nêu gương',
};

export const CORRUPTION_DOWNGRADE: DowngradeDefinition = {
  code: 'tham_nhung_lang_phi',
  expression: 'corruption_in_led_area == 1',
  message: 'Để xảy ra tham nhũng, lãng phí, tiêu cực trong cơ quan, đơn vị, lĩnh vực phụ trách, đã bị xử lý',
};

/** Downgrades of Điều 11 for members without a leadership post, in and outside the political system. */
export const MEMBER_DOWNGRADES: readonly DowngradeDefinition[] = [DISCIPLINE_DOWNGRADE, TASKS_MISSED_DOWNGRADE, DEGENERATION_DOWNGRADE, FORBIDDEN_ACTS_DOWNGRADE];

/** A criterion whose points a person enters. */
export function score(code: string, name: string, max: number, description?: string): CriterionDefinition {
  return description ? { code, name, kind: CriterionKind.SCORE, max, description } : { code, name, kind: CriterionKind.SCORE, max };
}

export function group(code: string, name: string, max: number, children: CriterionDefinition[]): CriterionDefinition {
  return { code, name, kind: CriterionKind.GROUP, max, children };
}
