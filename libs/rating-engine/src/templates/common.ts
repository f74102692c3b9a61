import { CriterionKind, Level } from '@dangbo/shared-types';
import type { BandDefinition, CriterionDefinition, DowngradeDefinition, GateDefinition, QuotaDefinition } from '../types';

/** 366-QĐ/TW, Điều 11: ≥ 90 xuất sắc, ≥ 70 tốt, ≥ 50 hoàn thành, else không hoàn thành. */
export const STANDARD_BANDS: readonly BandDefinition[] = [
  { level: Level.EXCELLENT, min: 90 },
  { level: Level.GOOD, min: 70 },
  { level: Level.COMPLETED, min: 50 },
];

/** 20% of GOOD, 25% for outstanding organisations; promoted ratings count in the base (see checkQuota). */
export const STANDARD_QUOTA: QuotaDefinition = { share: 0.2, outstandingShare: 0.25, baseIncludesPromoted: true };

/** The conditions every framework shares (Điều 11): tasks done, exceeded, shortcomings fixed, lateness. */
export function standardGates(extra: { excellent?: string; good?: string } = {}): GateDefinition[] {
  const and = (base: string, more?: string): string => (more ? `${base} and ${more}` : base);
  return [
    {
      level: Level.EXCELLENT,
      expression: and('tasks_done_pct == 100 and tasks_exceeded_pct >= 30 and shortcomings_fixed_pct == 100', extra.excellent),
      message: 'Xuất sắc cần hoàn thành 100% nhiệm vụ, ít nhất 30% vượt mức và khắc phục xong 100% hạn chế, khuyết điểm đã chỉ ra',
    },
    {
      level: Level.GOOD,
      expression: and('tasks_done_pct == 100', extra.good),
      message: 'Hoàn thành tốt cần hoàn thành 100% nhiệm vụ đúng tiến độ, bảo đảm chất lượng',
    },
    {
      level: Level.COMPLETED,
      expression: 'tasks_done_pct == 100 and tasks_late_pct <= 20',
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
  expression: 'tasks_missed_pct > 50',
  message: 'Không hoàn thành trên 50% nhiệm vụ trong năm',
};

/** A criterion whose points a person enters. */
export function score(code: string, name: string, max: number, description?: string): CriterionDefinition {
  return description ? { code, name, kind: CriterionKind.SCORE, max, description } : { code, name, kind: CriterionKind.SCORE, max };
}

export function group(code: string, name: string, max: number, children: CriterionDefinition[]): CriterionDefinition {
  return { code, name, kind: CriterionKind.GROUP, max, children };
}
