import { SubjectKind } from '@dangbo/shared-types';
import type { CriteriaSetDefinition } from '../types';
import { FRAME_366 } from '../types';
import { CORRUPTION_DOWNGRADE, DEGENERATION_DOWNGRADE, DISCIPLINE_DOWNGRADE, STANDARD_BANDS, STANDARD_QUOTA, group, score, standardGates } from './common';

/**
 * Phụ lục 1 of 366-QĐ/TW (collectives: chi bộ, đảng bộ, leadership collectives): six common items (30 points)
 * and the task results (70 points). The regulation fixes the items, not their split: 5 points each here.
 */
export const COLLECTIVE_SET: CriteriaSetDefinition = {
  code: 'khung_366_tap_the',
  name: 'Khung tiêu chí đánh giá tập thể (Phụ lục 1, Quy định 366-QĐ/TW)',
  subjectKind: SubjectKind.COLLECTIVE,
  frame: FRAME_366,
  totalMax: 100,
  items: [
    group('tieu_chi_chung', 'Nhóm tiêu chí chung', 30, [
      score('xay_dung_dang', 'Công tác xây dựng, chỉnh đốn Đảng; củng cố tổ chức; chất lượng cán bộ, đảng viên', 5),
      score('nang_luc_lanh_dao', 'Năng lực lãnh đạo của cấp ủy; lãnh đạo chính quyền, Mặt trận và các đoàn thể; đoàn kết nội bộ', 5),
      score('kiem_tra_giam_sat', 'Công tác kiểm tra, giám sát, kỷ luật đảng; kiểm soát quyền lực; phòng, chống tham nhũng, suy thoái', 5),
      score('nguyen_tac_to_chuc', 'Thực hiện nguyên tắc tổ chức và hoạt động, nhất là tập trung dân chủ; quy chế làm việc', 5),
      score('lanh_dao_nhiem_vu', 'Lãnh đạo thực hiện nhiệm vụ chính trị; tinh gọn bộ máy; cải cách hành chính, chuyển đổi số', 5),
      score('tu_phe_binh', 'Tự phê bình, phê bình và khắc phục hạn chế, khuyết điểm đã được chỉ ra', 5),
    ]),
    group('ket_qua_nhiem_vu', 'Nhóm tiêu chí về kết quả thực hiện nhiệm vụ', 70, [
      score('cu_the_hoa', 'Cụ thể hóa và tổ chức thực hiện nghị quyết, chương trình, kế hoạch', 20),
      score('chi_tieu_nhiem_vu', 'Kết quả thực hiện các chỉ tiêu, nhiệm vụ (sản phẩm, tiến độ, chất lượng)', 50),
    ]),
  ],
  bands: [...STANDARD_BANDS],
  // xuất sắc: no subordinate organisation and no member of the leadership collective disciplined. Scoped to those,
  // not to every member of the organisation: a village member's reprimand does not cost the committee its rating.
  gates: standardGates({ excellent: 'leadership_members_disciplined == 0 and subordinate_units_disciplined == 0' }),
  downgrades: [
    { ...DISCIPLINE_DOWNGRADE, message: 'Tập thể bị xử lý kỷ luật từ khiển trách trở lên trong kỳ đánh giá' },
    {
      code: 'thanh_vien_bi_ky_luat',
      expression: 'leadership_members_disciplined >= 1',
      message: 'Có thành viên tập thể lãnh đạo bị kỷ luật từ khiển trách trở lên do vi phạm khi thực hiện chức trách, nhiệm vụ',
    },
    { code: 'vi_pham_cong_tac_can_bo', expression: 'cadre_work_violation == 1', message: 'Cấp có thẩm quyền kết luận có vi phạm trong công tác cán bộ, chạy chức, chạy quyền' },
    { code: 'mat_doan_ket', expression: 'internal_disunity == 1', message: 'Cấp có thẩm quyền kết luận mất đoàn kết nội bộ, cục bộ, bè phái' },
    { ...DEGENERATION_DOWNGRADE, message: 'Có thành viên tập thể lãnh đạo bị kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa"' },
    { code: 'hoan_thanh_duoi_70', expression: 'tasks_done_share < 0.7', message: 'Hoàn thành dưới 70% chỉ tiêu, nhiệm vụ' },
    { code: 'chi_tieu_kinh_te_xa_hoi', expression: 'socio_economic_targets_met == 0', message: 'Không đạt các chỉ tiêu cơ bản về phát triển kinh tế - xã hội được giao' },
    { ...CORRUPTION_DOWNGRADE },
  ],
  quota: { ...STANDARD_QUOTA },
};
