import type { CriterionKind, Level, SubjectKind } from '@dangbo/shared-types';

/**
 * One node of a criteria tree. A `GROUP` holds `children`; every other kind is a leaf that earns points.
 *
 * - `SCORE`: points entered by a person (`SubjectInputs.scores[code]`), clamped to `[min, max]`.
 * - `CHECK`: met (`SubjectInputs.checks[code] === true`) → `max`, else 0.
 * - `METRIC`: `formula` over metrics and facts (see {@link namesInScope}).
 * - `FORMULA`: `formula` over metrics, facts and the points of other criteria.
 * - `BONUS` / `PENALTY`: an amount in `[0, max]` added to / subtracted from the parent's subtotal; entered in
 *   `scores[code]`, or computed by `formula` (same scope as `FORMULA`). They do not count towards the parent's max.
 */
export interface CriterionDefinition {
  /** ASCII identifier `/^[a-z][a-z0-9_]*$/`, unique in the set; usable as a variable in formulas. */
  code: string;
  /** Vietnamese name shown to people. */
  name: string;
  description?: string;
  kind: CriterionKind;
  /** Maximum points (for a group: the sum of its non-bonus/penalty children). */
  max: number;
  /** Lowest allowed result (default 0). A formula result below it is an error, an entered score is clamped. */
  min?: number;
  /** filtrex expression, for `METRIC` and `FORMULA` (optional for `BONUS` / `PENALTY`). At most 500 characters. */
  formula?: string;
  /** Children of a `GROUP`. */
  children?: CriterionDefinition[];
}

/** A score band: a total of at least `min` reaches `level` (before gates and downgrades). */
export interface BandDefinition {
  level: Level;
  min: number;
}

/** A condition a level requires; while one of the current level's gates fails, the level drops one step. */
export interface GateDefinition {
  level: Level;
  /** filtrex expression that must be true (a comparison), e.g. `tasks_on_time_share == 1`. */
  expression: string;
  /** Vietnamese explanation shown in the trace when the gate fails. */
  message: string;
}

/** A rule that, when its expression is true, sets the level to NOT_COMPLETED. */
export interface DowngradeDefinition {
  /** ASCII identifier, unique among the downgrades of the set. */
  code: string;
  /** filtrex expression, e.g. `discipline_level >= 1`. */
  expression: string;
  message: string;
}

/**
 * Quota of EXCELLENT ratings relative to GOOD ratings within a peer group (366-QĐ/TW, Điều 11). Only the shares
 * belong to the set: which peer groups get the exception and whether the base counts the EXCELLENT ratings are
 * settings of the rating period (see `checkQuota`). Sets stored before may still carry `baseIncludesPromoted`;
 * it is ignored.
 */
export interface QuotaDefinition {
  /** Normal share, 0.2. */
  share: number;
  /** Share where the period grants the exception for outstanding results, 0.25. */
  outstandingShare: number;
}

/** The national frame a set claims to follow; see `frame`. */
export const FRAME_366 = 'QD_366_2025';

/** A criteria set as the committee configures it. Plain JSON. */
export interface CriteriaSetDefinition {
  code?: string;
  name: string;
  subjectKind: SubjectKind;
  /**
   * `FRAME_366` when the set claims to follow Quy định 366-QĐ/TW: then it must keep the frame, a 30-point
   * common group and a 70-point task group, 100 in all (compile refuses otherwise). Absent for free-form sets.
   */
  frame?: typeof FRAME_366;
  /** 100 in every 366 framework. */
  totalMax: number;
  items: CriterionDefinition[];
  /** Best level first, `min` strictly descending; a total below every band is NOT_COMPLETED. */
  bands: BandDefinition[];
  gates: GateDefinition[];
  downgrades: DowngradeDefinition[];
  quota: QuotaDefinition;
}

/**
 * A level decided by the competent body. When it differs from the computed level it needs a non-empty reason,
 * and it may not be a level whose band or gates fail (see `evaluate`); it is kept in the trace.
 */
export interface LevelOverride {
  level: Level;
  reason: string;
}

/** What is known about one subject for one period. Plain JSON. */
export interface SubjectInputs {
  /** Entered points per criterion code (SCORE, and BONUS / PENALTY without a formula). */
  scores: Record<string, number>;
  /** Per CHECK criterion code: met or not. */
  checks: Record<string, boolean>;
  /** Facts entered on the evaluation (see `FACTS`). */
  facts: Record<string, number>;
  /** Metrics computed from dangbo's records (see `METRICS`). */
  metrics: Record<string, number>;
  override?: LevelOverride;
}

/** A problem found in a criteria set or while evaluating a subject. Messages are Vietnamese. */
export interface EngineError {
  /**
   * Where: in the definition (`items[1].children[0].formula`, `gates[0].expression`, `bands[2].min`), or, for a
   * bad entered value, in the inputs (`scores.tu_phe_binh`, `checks.hoc_tap`, `override.reason`).
   */
  path: string;
  /** Stable machine code, e.g. `FORMULA_SYNTAX`, `UNKNOWN_NAME`, `DIVISION_BY_ZERO`. */
  code: string;
  message: string;
  criterionCode?: string;
  /** 0-based character offset in the expression, where known. */
  position?: number;
}

/** One step of an evaluation's explanation. */
export interface TraceStep {
  kind: 'criterion' | 'group' | 'band' | 'gate' | 'downgrade' | 'override' | 'total';
  code?: string;
  message: string;
  before?: number | string;
  after?: number | string;
}

/** The result of rating one subject. Plain JSON. */
export interface Evaluation {
  /** Points per leaf criterion code (bonus and penalty as the positive amount). */
  points: Record<string, number>;
  /** Subtotal per group code, clamped to `[0, max]`. */
  groups: Record<string, number>;
  /** Clamped to `[0, totalMax]`; null when the evaluation has errors. */
  total: number | null;
  /** Level of the band the total falls in; null when the evaluation has errors. */
  bandLevel: Level | null;
  /** Final level after gates, downgrades and override; null when the evaluation has errors. */
  level: Level | null;
  /** Level after gates and downgrades, before the override (what the engine computed); null with errors. */
  engineLevel: Level | null;
  errors: EngineError[];
  trace: TraceStep[];
}

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** Build the trace (default true). Turning it off only saves time; every number is the same. */
  trace?: boolean;
}
