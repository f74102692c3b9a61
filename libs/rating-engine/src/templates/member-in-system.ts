import { SubjectKind } from '@dangbo/shared-types';
import type { CriteriaSetDefinition } from '../types';
import { FRAME_366 } from '../types';
import { MEMBER_DOWNGRADES, STANDARD_BANDS, STANDARD_QUOTA, group, score, standardGates } from './common';

/** Phụ lục 4 of 366-QĐ/TW: members working in the political system without a leadership post. */
export const MEMBER_IN_SYSTEM_SET: CriteriaSetDefinition = {
  code: 'khung_366_dang_vien_trong_he_thong',
  name: 'Khung tiêu chí đánh giá đảng viên không giữ chức vụ lãnh đạo, quản lý (Phụ lục 4, Quy định 366-QĐ/TW)',
  subjectKind: SubjectKind.MEMBER_IN_SYSTEM,
  frame: FRAME_366,
  totalMax: 100,
  items: [
    group('tieu_chi_chung', 'Nhóm tiêu chí chung', 30, [
      score('chinh_tri_dao_duc', 'Chính trị tư tưởng, đạo đức, lối sống, ý thức tổ chức kỷ luật; học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; giữ mối liên hệ với chi bộ nơi cư trú', 15),
      score('nang_luc_thai_do', 'Năng lực chuyên môn, thái độ phục vụ, tinh thần đổi mới, sáng tạo', 10),
      score('tu_phe_binh', 'Tự phê bình, phê bình và khắc phục hạn chế, khuyết điểm', 5),
    ]),
    group('ket_qua_nhiem_vu', 'Nhóm tiêu chí về kết quả thực hiện nhiệm vụ', 70, [
      score('san_pham_tien_do', 'Khối lượng, sản phẩm và tiến độ công việc được giao', 35),
      score('chat_luong_hieu_qua', 'Chất lượng, hiệu quả công việc theo chỉ số đo lường (KPI) của cơ quan, đơn vị', 35),
    ]),
  ],
  bands: [...STANDARD_BANDS],
  gates: standardGates(),
  downgrades: MEMBER_DOWNGRADES.map((d) => ({ ...d })),
  quota: { ...STANDARD_QUOTA },
};
