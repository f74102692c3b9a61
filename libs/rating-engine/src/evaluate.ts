import type { Level } from '@dangbo/shared-types';
import { LEVEL_ORDER } from '@dangbo/shared-types';
import type { CompiledSet } from './compile';
import { isLevel, levelName } from './format';
import type { PlanNode } from './plan';
import { OP_GROUP, R_BAND, R_LEVEL } from './plan';
import { buildTrace } from './trace';
import type { EngineError, EvaluateOptions, Evaluation, SubjectInputs } from './types';

/**
 * Rates one subject against a compiled set. Never throws for bad data: every problem is an entry of `errors`
 * carrying the criterion code (or the gate / downgrade path), and an evaluation with errors has `level: null`;
 * `total` and `bandLevel` are null too when some criterion could not be computed. No problem is ever turned
 * into a silent 0 (a SCORE nobody entered counts 0 and says so in the trace; a missing metric is an error).
 *
 * Order: leaf points (SCORE and entered BONUS / PENALTY clamped to [min, max]; CHECK met → max; METRIC /
 * FORMULA from the formula: an error if not finite, dividing by zero or outside [min, max]); group subtotals
 * (bonus added, penalty subtracted, clamped to [0, max]); total clamped to [0, totalMax]; band; gates (while
 * a gate of the current level fails, one level down); downgrades (any that fires → NOT_COMPLETED); override
 * (honoured only with a non-empty reason). Points are rounded to 2 decimals at every step.
 */
export function evaluate(compiled: CompiledSet, inputs: SubjectInputs, options?: EvaluateOptions): Evaluation {
  const p = compiled.plan;
  const errors: EngineError[] = [];
  p.core(inputs, errors);
  const V = p.V;
  const total = V[p.totalSlot];
  const totalOk = total === total;
  const trace = options?.trace === false ? [] : buildTrace(p);
  let level: Level | null = p.R[R_LEVEL] >= 0 ? LEVEL_ORDER[p.R[R_LEVEL]] : null;
  const ov = inputs?.override;
  if (ov !== undefined && ov !== null) {
    if (!isLevel(ov.level)) {
      errors.push({ path: 'override.level', code: 'INVALID_OVERRIDE', message: 'Mức điều chỉnh không hợp lệ.' });
    } else if (typeof ov.reason !== 'string' || ov.reason.trim() === '') {
      errors.push({ path: 'override.reason', code: 'OVERRIDE_REASON_REQUIRED', message: 'Cần ghi lý do khi điều chỉnh kết quả.' });
    } else if (level !== null) {
      const message = `Cấp có thẩm quyền điều chỉnh: ${levelName(level)} → ${levelName(ov.level)}. Lý do: ${ov.reason.trim()}`;
      if (options?.trace !== false) trace.push({ kind: 'override', code: undefined, message, before: level, after: ov.level });
      level = ov.level;
    }
  }
  return {
    points: totalOk ? p.makePoints(V) : finiteRecord(p.nodes, V, false),
    groups: totalOk ? p.makeGroups(V) : finiteRecord(p.nodes, V, true),
    total: totalOk ? total : null,
    bandLevel: p.R[R_BAND] >= 0 ? LEVEL_ORDER[p.R[R_BAND]] : null,
    level: errors.length === 0 ? level : null,
    errors,
    trace,
  };
}

/** The slow path after an error: only the values that could be computed, so the result stays valid JSON. */
function finiteRecord(nodes: PlanNode[], V: Float64Array, groups: boolean): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of nodes) if ((n.op === OP_GROUP) === groups && Number.isFinite(V[n.slot])) out[n.code] = V[n.slot];
  return out;
}
