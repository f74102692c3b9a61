import { SubjectKind } from '@dangbo/shared-types';
import type { CriteriaSetDefinition } from '../types';
import { FRAME_366 } from '../types';
import { MEMBER_DOWNGRADES, STANDARD_BANDS, STANDARD_QUOTA, group, score, standardGates } from './common';

/** Phụ lục 5 of 366-QĐ/TW: members not working in the political system (retirees, farmers, private sector). */
export const MEMBER_OUTSIDE_SYSTEM_SET: CriteriaSetDefinition = {
  code: 'khung_366_dang_vien_ngoai_he_thong',
  name: 'Khung tiêu chí đánh giá đảng viên không làm việc trong hệ thống chính trị (Phụ lục 5, Quy định 366-QĐ/TW)',
  subjectKind: SubjectKind.MEMBER_OUTSIDE_SYSTEM,
  frame: FRAME_366,
  totalMax: 100,
  items: [
    group('tieu_chi_chung', 'Nhóm tiêu chí chung', 30, [
      score('lap_truong_chinh_tri', 'Lập trường chính trị; chấp hành chủ trương của Đảng, pháp luật của Nhà nước và quy định nơi cư trú, nơi làm việc; không vi phạm những điều đảng viên không được làm; đoàn kết trong chi bộ, gắn bó với nhân dân', 20),
      score('tu_phe_binh', 'Tự phê bình, phê bình và khắc phục hạn chế, khuyết điểm', 10),
    ]),
    group('ket_qua_nhiem_vu', 'Nhóm tiêu chí về kết quả thực hiện nhiệm vụ', 70, [
      score('quyen_nghia_vu', 'Thực hiện đầy đủ quyền, nhiệm vụ đảng viên; hoàn thành nhiệm vụ chính trị do cấp ủy, chi bộ phân công', 30),
      score('hoc_tap_nghi_quyet', 'Tham gia học tập nghị quyết, chỉ thị; đóng góp ý kiến xây dựng chi bộ', 20),
      score('nhiem_vu_dot_xuat', 'Hoàn thành nhiệm vụ đột xuất; tham gia hoạt động của chi bộ và các tổ chức ở địa phương theo sức khỏe, độ tuổi', 20),
    ]),
  ],
  bands: [...STANDARD_BANDS],
  gates: standardGates(),
  downgrades: MEMBER_DOWNGRADES.map((d) => ({ ...d })),
  quota: { ...STANDARD_QUOTA },
};
