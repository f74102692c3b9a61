/** How a variable is obtained: computed from dangbo's records, or entered on the evaluation. */
export type VariableSource = 'metric' | 'fact';

/** A name a formula may use, with its Vietnamese label, its usual range and a sample value for previews. */
export interface VariableInfo {
  name: string;
  source: VariableSource;
  label: string;
  min: number;
  max: number;
  sample: number;
}

function v(source: VariableSource, name: string, label: string, min: number, max: number, sample: number): VariableInfo {
  return { name, source, label, min, max, sample };
}

/**
 * Metrics computed by the API from the subject's records for the period. Percentages are 0..100, counts are
 * whole numbers. The `members_*` metrics exist only for collectives and come from their members' ratings.
 */
export const METRICS: readonly VariableInfo[] = [
  v('metric', 'attendance_rate', 'Tỷ lệ dự sinh hoạt chi bộ (%)', 0, 100, 92),
  v('metric', 'study_registered', 'Có đăng ký học tập và làm theo Bác (1 = có, 0 = không)', 0, 1, 1),
  v('metric', 'study_months_reported', 'Số tháng có báo cáo kết quả làm theo', 0, 12, 10),
  v('metric', 'study_generic_count', 'Số tháng chi bộ nhận xét nội dung làm theo còn chung chung', 0, 12, 2),
  v('metric', 'commendations', 'Số lần được khen thưởng trong kỳ', 0, 20, 1),
  // Ordered by severity so that `discipline_level >= 1` means "khiển trách or above".
  v('metric', 'discipline_level', 'Mức kỷ luật cao nhất trong kỳ (0 = không, 1 = khiển trách, 2 = cảnh cáo, 3 = cách chức, 4 = khai trừ)', 0, 4, 0),
  v('metric', 'members_excellent_pct', 'Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ (%)', 0, 100, 15),
  v('metric', 'members_good_pct', 'Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ (%)', 0, 100, 70),
  v('metric', 'members_not_completed_pct', 'Tỷ lệ đảng viên không hoàn thành nhiệm vụ (%)', 0, 100, 0),
  v('metric', 'members_disciplined_pct', 'Tỷ lệ đảng viên bị kỷ luật trong kỳ (%)', 0, 100, 0),
];

/** Facts entered by the appraising body on the evaluation (percentages 0..100). */
export const FACTS: readonly VariableInfo[] = [
  v('fact', 'tasks_done_pct', 'Tỷ lệ nhiệm vụ hoàn thành đúng tiến độ, bảo đảm chất lượng (%)', 0, 100, 100),
  v('fact', 'tasks_exceeded_pct', 'Tỷ lệ nhiệm vụ vượt mức (%)', 0, 100, 20),
  v('fact', 'tasks_late_pct', 'Tỷ lệ nhiệm vụ chậm tiến độ (%)', 0, 100, 0),
  v('fact', 'tasks_missed_pct', 'Tỷ lệ nhiệm vụ không hoàn thành (%)', 0, 100, 0),
  v('fact', 'shortcomings_fixed_pct', 'Tỷ lệ hạn chế, khuyết điểm đã chỉ ra được khắc phục (%)', 0, 100, 100),
  v('fact', 'low_confidence_pct', 'Tỷ lệ phiếu tín nhiệm thấp khi lấy phiếu tín nhiệm (%)', 0, 100, 5),
  v('fact', 'led_units_done_pct', 'Tỷ lệ nhiệm vụ hoàn thành của các đơn vị trực tiếp phụ trách (%)', 0, 100, 100),
  v('fact', 'led_units_failed_pct', 'Tỷ lệ đơn vị phụ trách bị xếp loại không hoàn thành nhiệm vụ (%)', 0, 100, 0),
];

/** Every metric and fact by name. */
export const VARIABLES: ReadonlyMap<string, VariableInfo> = new Map([...METRICS, ...FACTS].map((x) => [x.name, x]));

/** Name a gate or downgrade may use for the set's total. */
export const TOTAL_NAME = 'total';
