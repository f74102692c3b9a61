import { CriterionKind, SubjectKind } from '@dangbo/shared-types';
import type { CriteriaSetDefinition } from '../types';
import { FRAME_366 } from '../types';
import { CORRUPTION_DOWNGRADE, DEGENERATION_DOWNGRADE, DISCIPLINE_DOWNGRADE, STANDARD_BANDS, STANDARD_QUOTA, group, score, standardGates } from './common';

/**
 * Phụ lục 3 of 366-QĐ/TW (leaders and managers not managed by the Central Committee): the common group (30)
 * and the task results (70), half of which measure the units the leader directly runs.
 */
export const LEADER_SET: CriteriaSetDefinition = {
  code: 'khung_366_lanh_dao',
  name: 'Khung tiêu chí đánh giá cán bộ lãnh đạo, quản lý (Phụ lục 3, Quy định 366-QĐ/TW)',
  subjectKind: SubjectKind.LEADER,
  frame: FRAME_366,
  totalMax: 100,
  items: [
    group('tieu_chi_chung', 'Nhóm tiêu chí chung', 30, [
      score('chinh_tri_dao_duc', 'Chính trị tư tưởng, đạo đức, lối sống, ý thức tổ chức kỷ luật; trách nhiệm nêu gương', 12),
      score('nang_luc_doi_moi', 'Năng lực lãnh đạo, quản lý; tinh thần đổi mới, sáng tạo, dám nghĩ, dám làm', 12),
      score('tu_phe_binh', 'Tự phê bình, phê bình và khắc phục hạn chế, khuyết điểm', 6),
    ]),
    group('ket_qua_nhiem_vu', 'Nhóm tiêu chí về kết quả thực hiện nhiệm vụ', 70, [
      score('nhiem_vu_ca_nhan', 'Kết quả thực hiện nhiệm vụ được giao (sản phẩm, tiến độ, chất lượng)', 35),
      {
        code: 'don_vi_phu_trach',
        name: 'Kết quả hoàn thành nhiệm vụ của cơ quan, đơn vị, lĩnh vực trực tiếp phụ trách',
        kind: CriterionKind.METRIC,
        max: 35,
        formula: 'max(0, min(35, round(led_units_done_pct * 35) / 100))',
      },
    ]),
  ],
  bands: [...STANDARD_BANDS],
  // xuất sắc: the units they directly lead complete every task and at least 30% of them exceed; tốt: the units
  // complete every task.
  gates: standardGates({ excellent: 'led_units_done_pct == 100 and led_units_exceeding_share >= 0.3', good: 'led_units_done_pct == 100' }),
  downgrades: [
    { ...DISCIPLINE_DOWNGRADE, message: 'Bị xử lý kỷ luật từ khiển trách trở lên do vi phạm trong thực hiện chức trách, nhiệm vụ' },
    { code: 'don_vi_duoi_70', expression: 'led_units_done_pct < 70', message: 'Cơ quan, đơn vị phụ trách hoàn thành dưới 70% nhiệm vụ' },
    { code: 'don_vi_khong_hoan_thanh', expression: 'led_units_failed_pct > 50', message: 'Trên 50% đơn vị phụ trách bị xếp loại không hoàn thành nhiệm vụ' },
    { code: 'tin_nhiem_thap', expression: 'low_confidence_pct > 50', message: 'Có trên 50% phiếu tín nhiệm thấp khi lấy phiếu tín nhiệm' },
    { ...DEGENERATION_DOWNGRADE },
    { ...CORRUPTION_DOWNGRADE },
  ],
  quota: { ...STANDARD_QUOTA },
};
