import { CriterionKind, Level, SubjectKind } from '@dangbo/shared-types';
import type { CriteriaSetDefinition } from '../types';
import { FRAME_366 } from '../types';
import { MEMBER_DOWNGRADES, STANDARD_BANDS, STANDARD_QUOTA, group, score, standardGates } from './common';

/**
 * Directive 05 points: registered members earn up to 10 points in proportion to the months they reported,
 * a month the cell judged generic counting half. Bounded by construction: `max(0, min(10, …))` keeps any data
 * (even more than 12 months, or more generic months than reported) inside 0..10, so the criterion can never
 * fail its range check.
 */
export const DIRECTIVE_05_FORMULA =
  'if study_registered == 1 then max(0, min(10, round((study_months_reported - 0.5 * study_generic_count) / 12 * 1000) / 100)) else 0';

/** Attendance points: full marks from 90% of cell meetings attended, proportional below. */
export const ATTENDANCE_FORMULA = 'max(0, min(15, round(attendance_rate / 90 * 1500) / 100))';

/** Exemplary conduct where one lives: the mean of the Directive 05 and attendance results, on 10 points. */
export const EXEMPLARY_FORMULA = 'round((hoc_tap_lam_theo_bac / 10 + sinh_hoat_chi_bo / 15) * 500) / 100';

/**
 * Mỹ Thạnh commune's own set for members outside the political system (Phụ lục 5, 366-QĐ/TW), carrying out the
 * closing plan of its 2017 report on Chỉ thị 05-CT/TW: the results of studying and following Hồ Chí Minh's
 * thought, ethics and style become a rated criterion, fed by the study registrations dangbo records. Also
 * local: attendance at cell meetings is measured, not estimated, and EXCELLENT needs a registration whose monthly
 * entries were all specific (generic entries were the report's main shortcoming).
 */
export const MY_THANH_MEMBER_OUTSIDE_SYSTEM_SET: CriteriaSetDefinition = {
  code: 'my_thanh_dang_vien_ngoai_he_thong',
  name: 'Bộ tiêu chí đánh giá đảng viên không làm việc trong hệ thống chính trị – Đảng bộ xã Mỹ Thạnh',
  subjectKind: SubjectKind.MEMBER_OUTSIDE_SYSTEM,
  frame: FRAME_366,
  totalMax: 100,
  items: [
    group('tieu_chi_chung', 'Nhóm tiêu chí chung', 30, [
      score('lap_truong_chinh_tri', 'Lập trường chính trị; chấp hành chủ trương của Đảng, pháp luật của Nhà nước và quy định nơi cư trú; đoàn kết, gắn bó với nhân dân', 14),
      {
        code: 'hoc_tap_lam_theo_bac',
        name: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị 05-CT/TW)',
        description: 'Có bản đăng ký làm theo; báo cáo kết quả hằng tháng; tháng chi bộ nhận xét còn chung chung tính một nửa.',
        kind: CriterionKind.METRIC,
        max: 10,
        formula: DIRECTIVE_05_FORMULA,
      },
      score('tu_phe_binh', 'Tự phê bình, phê bình và khắc phục hạn chế, khuyết điểm', 6),
    ]),
    group('ket_qua_nhiem_vu', 'Nhóm tiêu chí về kết quả thực hiện nhiệm vụ', 70, [
      score('quyen_nghia_vu', 'Thực hiện đầy đủ quyền, nhiệm vụ đảng viên; hoàn thành nhiệm vụ do chi bộ phân công', 25),
      {
        code: 'sinh_hoat_chi_bo',
        name: 'Dự sinh hoạt chi bộ đầy đủ',
        kind: CriterionKind.METRIC,
        max: 15,
        formula: ATTENDANCE_FORMULA,
      },
      { code: 'hoc_tap_nghi_quyet', name: 'Tham gia đầy đủ học tập, quán triệt nghị quyết, chỉ thị; đóng góp ý kiến xây dựng chi bộ', kind: CriterionKind.CHECK, max: 10 },
      score('nhiem_vu_dot_xuat', 'Hoàn thành nhiệm vụ đột xuất; tham gia hoạt động ở địa phương theo sức khỏe, độ tuổi', 10),
      {
        code: 'neu_guong_noi_cu_tru',
        name: 'Nêu gương, làm theo Bác ở nơi cư trú',
        kind: CriterionKind.FORMULA,
        max: 10,
        formula: EXEMPLARY_FORMULA,
      },
      { code: 'khen_thuong', name: 'Điểm cộng: được khen thưởng trong năm', kind: CriterionKind.BONUS, max: 3, formula: 'min(3, commendations * 1.5)' },
      { code: 'vi_pham_noi_cu_tru', name: 'Điểm trừ: vi phạm quy định nơi cư trú', kind: CriterionKind.PENALTY, max: 5 },
    ]),
  ],
  bands: [...STANDARD_BANDS],
  gates: [
    ...standardGates(),
    {
      level: Level.EXCELLENT,
      expression: 'study_registered == 1 and study_generic_count == 0',
      message: 'Xuất sắc cần đăng ký học tập và làm theo Bác với nội dung cụ thể, không có tháng chi bộ nhận xét còn chung chung (Chỉ thị 05-CT/TW)',
    },
  ],
  downgrades: MEMBER_DOWNGRADES.map((d) => ({ ...d })),
  quota: { ...STANDARD_QUOTA },
};
