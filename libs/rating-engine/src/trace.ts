import type { Level } from '@dangbo/shared-types';
import { LEVEL_ORDER } from '@dangbo/shared-types';
import { formatNumberVi as fmt, levelName, round2 } from './format';
import type { Plan } from './plan';
import { OP_CHECK, OP_ENTERED, OP_GROUP, R_BAND, R_DOWNGRADES, R_GATES } from './plan';
import type { TraceStep } from './types';

const LAST = LEVEL_ORDER.length - 1;

function step(kind: TraceStep['kind'], code: string | undefined, message: string, before?: number | string, after?: number | string): TraceStep {
  return { kind, code, message, before, after };
}

/**
 * Explains an evaluation from what the generated core left in the plan's buffers (points, sums before
 * clamping, entered values, band, which gate failed at each level, which downgrades fired). Built after the
 * numbers, from them, so it can never disagree with them and costs nothing when it is not asked for.
 */
export function buildTrace(p: Plan): TraceStep[] {
  const { V, N, NS, W, R } = p;
  const out: TraceStep[] = [];
  for (const k of p.order) {
    const n = p.nodes[k];
    const x = V[n.slot];
    if (x !== x) continue;
    if (n.op === OP_GROUP) {
      out.push(sumStep('group', n.code, n.label, x, W[k], n.outOf, n.maxText));
    } else if (n.op === OP_CHECK) {
      const what = N[n.entry] === 1 ? 'đạt' : NS[n.entry] === 1 ? 'chưa đánh giá, tính là không đạt' : 'không đạt';
      out.push(step('criterion', n.code, n.label + what + ', ' + fmt(x) + n.outOf, undefined, x));
    } else if (n.op === OP_ENTERED) {
      const raw = N[n.entry];
      const clamped = x !== round2(raw);
      const text = n.label + fmt(x) + n.outOf;
      if (NS[n.entry] === 1) out.push(step('criterion', n.code, text + ' (chưa chấm, tính 0)', undefined, x));
      else if (clamped) out.push(step('criterion', n.code, `${text} (điểm nhập ${fmt(raw)} ngoài khoảng ${fmt(n.min)}–${n.maxText})`, raw, x));
      else out.push(step('criterion', n.code, text, undefined, x));
    } else {
      out.push(step('criterion', n.code, n.label + fmt(x) + n.outOf + ' theo công thức', undefined, x));
    }
  }
  const total = V[p.totalSlot];
  if (total !== total) return out;
  out.push(sumStep('total', undefined, 'Tổng điểm: ', total, W[p.nodes.length], `/${fmt(p.totalMax)} điểm`, fmt(p.totalMax)));
  if (R[R_BAND] < 0) return out;
  const band = p.bands.find((b) => total >= b.min);
  const bandLevel = LEVEL_ORDER[R[R_BAND]];
  out.push(
    band
      ? step('band', undefined, `${fmt(total)} điểm đạt ngưỡng ${fmt(band.min)}: ${levelName(bandLevel)}`, total, bandLevel)
      : step('band', undefined, `${fmt(total)} điểm dưới mọi ngưỡng: ${levelName(bandLevel)}`, total, bandLevel),
  );
  let rank = R[R_BAND];
  while (rank < LAST) {
    const failed = R[R_GATES + rank];
    if (failed === -2) break;
    const from = LEVEL_ORDER[rank];
    if (failed === -1) {
      if (p.gates[rank].length > 0) out.push(step('gate', undefined, `Đủ điều kiện ${levelName(from)}`, from, from));
      break;
    }
    const g = p.gates[rank][failed];
    const to = LEVEL_ORDER[rank + 1];
    out.push(step('gate', g.code, `Chưa đủ điều kiện ${levelName(from)}: ${g.message} → ${levelName(to)}`, from, to));
    rank++;
  }
  let level: Level = LEVEL_ORDER[rank];
  p.downgrades.forEach((d, j) => {
    if (R[R_DOWNGRADES + j] !== 1) return;
    const to = LEVEL_ORDER[LAST];
    out.push(step('downgrade', d.code, `${d.message} → ${levelName(to)}`, level, to));
    level = to;
  });
  return out;
}

function sumStep(kind: 'group' | 'total', code: string | undefined, label: string, x: number, raw: number, outOf: string, maxText: string): TraceStep {
  const text = label + fmt(x) + outOf;
  return x !== raw ? step(kind, code, `${text} (cộng được ${fmt(raw)}, giới hạn trong 0–${maxText})`, raw, x) : step(kind, code, text, undefined, x);
}
