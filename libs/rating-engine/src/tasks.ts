import type { EngineError } from './types';

/**
 * Task facts (366-QĐ/TW, Điều 11 speaks of tasks done on time, late, not done and exceeded). They are entered
 * as whole counts so that they cannot contradict each other, and the shares the rules need are derived here.
 * The previous percentages (`tasks_done_pct` "on schedule" next to `tasks_late_pct` and `tasks_missed_pct`)
 * accepted 100% done together with 60% missed.
 */
export const TASK_COUNTS = ['tasks_assigned', 'tasks_on_time', 'tasks_late', 'tasks_missed', 'tasks_exceeded'] as const;
export const TASK_SHARES = ['tasks_on_time_share', 'tasks_done_share', 'tasks_late_share', 'tasks_missed_share', 'tasks_exceeded_share'] as const;
/** Every task variable, in the order of the buffers `readTasks` fills. */
export const TASK_NAMES: readonly string[] = [...TASK_COUNTS, ...TASK_SHARES];
export const TASK_INDEX: ReadonlyMap<string, number> = new Map(TASK_NAMES.map((n, i) => [n, i]));

/** Per-variable state written by {@link readTasks}: as the plan's `S` (0 present, 1 missing, 2 not valid), plus 3. */
export const TASK_REPORTED = 3; // the counts contradict each other; reported once, not per formula

const A = 0, O = 1, L = 2, M = 3, X = 4; // prettier-ignore

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

/**
 * Reads the task counts of `facts` into `val` / `st` (indexed as {@link TASK_NAMES}) and derives the shares.
 * A count must be a whole number ≥ 0. When the four base counts are all present, `on_time + late + missed` must
 * equal `assigned` and `exceeded` (if present) may not exceed `on_time + late`: otherwise every task variable is
 * marked {@link TASK_REPORTED} and the one error naming the facts is returned. A share needs the four base
 * counts (and `tasks_exceeded` for its own share). With no task assigned, every task counts as on time
 * (nothing was late or missed) and none as exceeded.
 */
export function readTasks(facts: unknown, val: Float64Array, st: Uint8Array): EngineError | null {
  const f = (facts !== null && typeof facts === 'object' ? facts : {}) as Record<string, unknown>;
  for (let i = 0; i < TASK_COUNTS.length; i++) {
    const x = f[TASK_COUNTS[i]];
    if (isCount(x)) {
      val[i] = x;
      st[i] = 0;
    } else {
      val[i] = NaN;
      st[i] = x === undefined ? 1 : 2;
    }
  }
  const base = Math.max(st[A], st[O], st[L], st[M]);
  const error = base === 0 ? contradiction(val[A], val[O], val[L], val[M], st[X] === 0 ? val[X] : -1) : null;
  if (error) {
    val.fill(NaN);
    st.fill(TASK_REPORTED);
    return error;
  }
  const a = val[A];
  const S = TASK_COUNTS.length;
  for (let k = 0; k < TASK_SHARES.length; k++) st[S + k] = base;
  st[S + 4] = base !== 0 ? base : st[X];
  val[S] = base !== 0 ? NaN : a === 0 ? 1 : val[O] / a;
  val[S + 1] = base !== 0 ? NaN : a === 0 ? 1 : (val[O] + val[L]) / a;
  val[S + 2] = base !== 0 ? NaN : a === 0 ? 0 : val[L] / a;
  val[S + 3] = base !== 0 ? NaN : a === 0 ? 0 : val[M] / a;
  val[S + 4] = st[S + 4] !== 0 ? NaN : a === 0 ? 0 : val[X] / a;
  return null;
}

function contradiction(a: number, o: number, l: number, m: number, x: number): EngineError | null {
  if (o + l + m !== a) {
    return {
      path: 'facts.tasks_assigned',
      code: 'INCONSISTENT_TASKS',
      message: `Số nhiệm vụ không khớp: đúng tiến độ (tasks_on_time = ${o}) + chậm tiến độ (tasks_late = ${l}) + không hoàn thành (tasks_missed = ${m}) = ${o + l + m}, khác số nhiệm vụ được giao (tasks_assigned = ${a}).`,
    };
  }
  if (x > o + l) {
    return {
      path: 'facts.tasks_exceeded',
      code: 'INCONSISTENT_TASKS',
      message: `Số nhiệm vụ vượt mức (tasks_exceeded = ${x}) nhiều hơn số nhiệm vụ đã hoàn thành (tasks_on_time + tasks_late = ${o + l}).`,
    };
  }
  return null;
}

/**
 * The problems of entered task facts, for checking an evaluation's facts when they are saved (whatever the set
 * reads): a count that is not a whole number ≥ 0, and counts that contradict each other. Empty when fine or
 * when no task count is entered.
 */
export function taskFactsProblems(facts: Record<string, unknown> | null | undefined): EngineError[] {
  const val = new Float64Array(TASK_NAMES.length);
  const st = new Uint8Array(TASK_NAMES.length);
  const out: EngineError[] = [];
  const f = facts ?? {};
  for (const name of TASK_COUNTS) {
    if (f[name] !== undefined && !isCount(f[name])) {
      out.push({ path: `facts.${name}`, code: 'INVALID_INPUT', message: `Số nhiệm vụ "${name}" phải là số nguyên không âm.` });
    }
  }
  const e = readTasks(f, val, st);
  if (e) out.push(e);
  return out;
}
