import type { Level } from '@dangbo/shared-types';
import { LEVEL_ORDER } from '@dangbo/shared-types';
import type { CompiledSet } from './compile';
import { formatNumberVi, isLevel, levelName } from './format';
import type { Plan, PlanNode } from './plan';
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
 * (a level other than the computed one needs a non-empty reason and may not reach a level whose
 * band or gates fail; it is kept in the trace, and `engineLevel` keeps the computed one). Points are rounded to 2 decimals at every step.
 */
export function evaluate(compiled: CompiledSet, inputs: SubjectInputs, options?: EvaluateOptions): Evaluation {
  const p = compiled.plan;
  const errors: EngineError[] = [];
  p.core(inputs, errors);
  const V = p.V;
  const total = V[p.totalSlot];
  const totalOk = total === total;
  const trace = options?.trace === false ? [] : buildTrace(p);
  const engineLevel: Level | null = p.R[R_LEVEL] >= 0 ? LEVEL_ORDER[p.R[R_LEVEL]] : null;
  let level = engineLevel;
  const ov = inputs?.override;
  if (ov !== undefined && ov !== null) {
    if (!isLevel(ov.level)) {
      errors.push({ path: 'override.level', code: 'INVALID_OVERRIDE', message: 'Mức điều chỉnh không hợp lệ.' });
    } else if (ov.level !== level) {
      if (typeof ov.reason !== 'string' || ov.reason.trim() === '') {
        errors.push({ path: 'override.reason', code: 'OVERRIDE_REASON_REQUIRED', message: 'Cần ghi lý do khi quyết định mức khác với kết quả tính.' });
      } else if (level !== null && overrideAllowed(p, ov.level, total, errors)) {
        const message = `Cấp có thẩm quyền quyết định: ${levelName(level)} → ${levelName(ov.level)}. Lý do: ${ov.reason.trim()}`;
        if (options?.trace !== false) trace.push({ kind: 'override', code: undefined, message, before: level, after: ov.level });
        level = ov.level;
      }
    }
  }
  return {
    points: totalOk ? p.makePoints(V) : finiteRecord(p.nodes, V, false),
    groups: totalOk ? p.makeGroups(V) : finiteRecord(p.nodes, V, true),
    total: totalOk ? total : null,
    bandLevel: p.R[R_BAND] >= 0 ? LEVEL_ORDER[p.R[R_BAND]] : null,
    level: errors.length === 0 ? level : null,
    engineLevel: errors.length === 0 ? engineLevel : null,
    errors,
    trace,
  };
}

/**
 * Whether the deciding body may decide `to` (366-QĐ/TW lets it weigh circumstances against a downgrade, not
 * grant a level the subject does not qualify for): NOT_COMPLETED always; any other level only when the total
 * reaches that level's band and every gate of that level holds, read from the values the core just computed.
 * So a downgrade may be lifted with a reason, but no decision reaches xuất sắc at 40 points. Pushes the reason
 * for a refusal into `errors`.
 */
function overrideAllowed(p: Plan, to: Level, total: number, errors: EngineError[]): boolean {
  const rank = LEVEL_ORDER.indexOf(to);
  if (rank === LEVEL_ORDER.length - 1) return true;
  const refuse = (why: string): false => {
    errors.push({ path: 'override.level', code: 'OVERRIDE_CONDITIONS_FAIL', message: `Không thể quyết định mức ${levelName(to)}: ${why}` });
    return false;
  };
  const band = p.bands.find((b) => b.level === to);
  if (!band) return refuse('bộ tiêu chí không có ngưỡng điểm cho mức này.');
  if (!(total >= band.min)) return refuse(`tổng điểm ${formatNumberVi(total)} chưa đạt ngưỡng ${formatNumberVi(band.min)}.`);
  const failed = p.levelGates(rank, errors);
  if (failed === -3) return false;
  if (failed >= 0) return refuse(`chưa đủ điều kiện: ${p.gates[rank][failed].message}.`);
  return true;
}

/** The slow path after an error: only the values that could be computed, so the result stays valid JSON. */
function finiteRecord(nodes: PlanNode[], V: Float64Array, groups: boolean): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of nodes) if ((n.op === OP_GROUP) === groups && Number.isFinite(V[n.slot])) out[n.code] = V[n.slot];
  return out;
}
