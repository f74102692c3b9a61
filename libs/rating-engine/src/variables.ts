/**
 * How a variable is obtained: computed from dangbo's records (`metric`), entered on the evaluation (`fact`), or
 * derived by the engine from entered facts (`derived`: never entered, see `from`).
 */
export type VariableSource = 'metric' | 'fact' | 'derived';

/** A name a formula may use, with its Vietnamese label, its usual range and a sample value for previews. */
export interface VariableInfo {
  name: string;
  source: VariableSource;
  label: string;
  min: number;
  max: number;
  sample: number;
  /** For a derived variable: the entered facts it is computed from (all needed). */
  from?: readonly string[];
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
  v('metric', 'meetings_held', 'Số buổi sinh hoạt chi bộ trong kỳ (đảng viên: phải dự; tập thể: đã tổ chức)', 0, 400, 12),
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

/**
 * Facts entered by the appraising body on the evaluation. Tasks are whole counts, checked to add up
 * (`tasks_on_time + tasks_late + tasks_missed = tasks_assigned`, `tasks_exceeded ≤` those done; see tasks.ts);
 * their shares are derived (`DERIVED`). Yes/no facts are 1 / 0. `_pct` is 0..100, `_share` is 0..1.
 *
 * Renamed in issue 10: `tasks_done_pct`, `tasks_exceeded_pct`, `tasks_late_pct` and `tasks_missed_pct` are
 * gone (they could contradict each other). A set stored with a formula naming them no longer compiles: publish
 * and preview refuse it with UNKNOWN_NAME on that formula, so nobody is rated by a vanished fact. The shipped sets
 * are created fresh by the seed; a set copied from an old one must be edited to the counts before publishing.
 */
export const FACTS: readonly VariableInfo[] = [
  v('fact', 'tasks_assigned', 'Số nhiệm vụ được giao trong kỳ', 0, 1000, 10),
  v('fact', 'tasks_on_time', 'Số nhiệm vụ hoàn thành đúng tiến độ, bảo đảm chất lượng', 0, 1000, 10),
  v('fact', 'tasks_late', 'Số nhiệm vụ hoàn thành nhưng chậm tiến độ', 0, 1000, 0),
  v('fact', 'tasks_missed', 'Số nhiệm vụ không hoàn thành', 0, 1000, 0),
  v('fact', 'tasks_exceeded', 'Số nhiệm vụ hoàn thành vượt mức (trong số đã hoàn thành)', 0, 1000, 2),
  v('fact', 'shortcomings_fixed_pct', 'Tỷ lệ hạn chế, khuyết điểm đã chỉ ra được khắc phục (%)', 0, 100, 100),
  v('fact', 'degeneration_signs', 'Bị cấp có thẩm quyền kết luận suy thoái về tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa" (tập thể: có thành viên tập thể lãnh đạo bị kết luận) (1 = có, 0 = không)', 0, 1, 0),
  v('fact', 'forbidden_acts_breach', 'Vi phạm những điều đảng viên không được làm hoặc trách nhiệm nêu gương (1 = có, 0 = không)', 0, 1, 0),
  v('fact', 'low_confidence_pct', 'Tỷ lệ phiếu tín nhiệm thấp khi lấy phiếu tín nhiệm (%)', 0, 100, 5),
  v('fact', 'led_units_done_pct', 'Tỷ lệ nhiệm vụ hoàn thành của các đơn vị trực tiếp phụ trách (%)', 0, 100, 100),
  v('fact', 'led_units_failed_pct', 'Tỷ lệ đơn vị phụ trách bị xếp loại không hoàn thành nhiệm vụ (%)', 0, 100, 0),
  v('fact', 'led_units_exceeding_share', 'Tỷ lệ đơn vị trực tiếp phụ trách hoàn thành vượt mức nhiệm vụ (0–1, ví dụ 0,3 = 30%)', 0, 1, 0.3),
  v('fact', 'corruption_in_led_area', 'Để xảy ra tham nhũng, lãng phí, tiêu cực trong cơ quan, đơn vị, lĩnh vực phụ trách, đã bị xử lý (1 = có, 0 = không)', 0, 1, 0),
  v('fact', 'internal_disunity', 'Cấp có thẩm quyền kết luận mất đoàn kết nội bộ, cục bộ, bè phái (1 = có, 0 = không)', 0, 1, 0),
  v('fact', 'cadre_work_violation', 'Cấp có thẩm quyền kết luận có vi phạm trong công tác cán bộ, chạy chức, chạy quyền (1 = có, 0 = không)', 0, 1, 0),
  v('fact', 'socio_economic_targets_met', 'Đạt các chỉ tiêu cơ bản về phát triển kinh tế - xã hội được giao (1 = đạt hoặc không áp dụng, 0 = không đạt)', 0, 1, 1),
  v('fact', 'leadership_members_disciplined', 'Số thành viên tập thể lãnh đạo bị kỷ luật từ khiển trách trở lên trong kỳ', 0, 100, 0),
  v('fact', 'subordinate_units_disciplined', 'Số tổ chức trực thuộc bị xử lý kỷ luật trong kỳ', 0, 100, 0),
];

const TASK_BASE = ['tasks_assigned', 'tasks_on_time', 'tasks_late', 'tasks_missed'] as const;

function d(name: string, label: string, sample: number, from: readonly string[] = TASK_BASE): VariableInfo {
  return { name, source: 'derived', label, min: 0, max: 1, sample, from };
}

/** Shares the engine computes from the task counts (0..1; with no task assigned: all on time, none late). */
export const DERIVED: readonly VariableInfo[] = [
  d('tasks_on_time_share', 'Tỷ lệ nhiệm vụ hoàn thành đúng tiến độ (0–1, tính từ số nhiệm vụ)', 1),
  d('tasks_done_share', 'Tỷ lệ nhiệm vụ đã hoàn thành, kể cả chậm (0–1, tính từ số nhiệm vụ)', 1),
  d('tasks_late_share', 'Tỷ lệ nhiệm vụ chậm tiến độ (0–1, tính từ số nhiệm vụ)', 0),
  d('tasks_missed_share', 'Tỷ lệ nhiệm vụ không hoàn thành (0–1, tính từ số nhiệm vụ)', 0),
  d('tasks_exceeded_share', 'Tỷ lệ nhiệm vụ vượt mức (0–1, tính từ số nhiệm vụ)', 0.2, [...TASK_BASE, 'tasks_exceeded']),
];

/** Every metric, fact and derived variable by name. */
export const VARIABLES: ReadonlyMap<string, VariableInfo> = new Map([...METRICS, ...FACTS, ...DERIVED].map((x) => [x.name, x]));

/** Name a gate or downgrade may use for the set's total. */
export const TOTAL_NAME = 'total';
