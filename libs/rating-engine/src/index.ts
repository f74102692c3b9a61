/**
 * @dangbo/rating-engine: criteria sets in; points, levels, quota checks and traces out (Quy định 366-QĐ/TW).
 * Pure and browser-safe: used by the API to validate and rate, and by the admin panel for live formula
 * validation and previews.
 */
export type {
  BandDefinition,
  CriteriaSetDefinition,
  CriterionDefinition,
  DowngradeDefinition,
  EngineError,
  EvaluateOptions,
  Evaluation,
  GateDefinition,
  LevelOverride,
  QuotaDefinition,
  SubjectInputs,
  TraceStep,
} from './types';
export { FRAME_366 } from './types';
export type { VariableInfo, VariableSource } from './variables';
export { DERIVED, FACTS, METRICS, TOTAL_NAME, VARIABLES } from './variables';
export { TASK_COUNTS, TASK_SHARES, taskFactsProblems } from './tasks';
export { namesInScope } from './scope';
export type { CompileResult, CompiledSet } from './compile';
export { compile } from './compile';
export { evaluate } from './evaluate';
export type { ExprType } from './formula/typecheck';
export { FUNCTIONS } from './formula/typecheck';
export { MAX_FORMULA_LENGTH, validateFormula } from './formula/validate';
export { codeProblem } from './validate-set';
export type { PeerGroupOf, QuotaDecision, QuotaGroupResult, QuotaResult, QuotaSettings } from './quota';
export { DEFAULT_BASE_INCLUDES_EXCELLENT, checkDecision, checkQuota, peerGroupKey, quotaMessage } from './quota';
export { sampleInputs } from './sample';
export { formatNumberVi, round2 } from './format';
export * from './templates';
