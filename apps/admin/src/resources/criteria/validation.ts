/** The checks of the criterion side panel that stop a save (the API checks the same on save). */
import { codeProblem, validateFormula } from '@dangbo/rating-engine';
import { CriterionKind } from '@dangbo/shared-types';
import type { CriterionRow } from './tree';

/** Kinds that take a formula: required for METRIC and FORMULA, optional for BONUS and PENALTY. */
export const usesFormula = (kind: CriterionKind) =>
  kind === CriterionKind.METRIC || kind === CriterionKind.FORMULA || kind === CriterionKind.BONUS || kind === CriterionKind.PENALTY;
export const needsFormula = (kind: CriterionKind) => kind === CriterionKind.METRIC || kind === CriterionKind.FORMULA;
/** A group's minimum means nothing, and a check earns all or nothing. */
export const hasMin = (kind: CriterionKind) => kind !== CriterionKind.GROUP && kind !== CriterionKind.CHECK;

/**
 * What stops a save, by field: a translation key of ours or the engine's Vietnamese message. `names` are the
 * names the criterion's formula may use (`namesInScope`).
 */
export function criterionErrors(node: CriterionRow, rows: readonly CriterionRow[], names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const code = codeProblem(node.code);
  if (code) out.code = code;
  else if (rows.some((r) => r.id !== node.id && r.code === node.code)) out.code = 'app.criteria.code_taken';
  if (!node.name?.trim()) out.name = 'app.criteria.name_required';
  if (!Number.isFinite(node.max) || node.max < 0) out.max = 'app.criteria.invalid_max';
  if (node.min !== null && node.min !== undefined && (!Number.isFinite(node.min) || node.min < 0 || node.min > node.max)) out.min = 'app.criteria.invalid_min';
  const formula = node.formula ?? '';
  if (usesFormula(node.kind) && (needsFormula(node.kind) || formula.trim() !== '')) {
    const problem = validateFormula(formula, names, 'number');
    if (problem) out.formula = problem.message;
  }
  return out;
}
