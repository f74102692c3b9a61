/**
 * Whose records a unit's figures over a period cover (README "Scope across reorganisations": a successor reads its
 * predecessors' history). Pure: the lineage rows come from lineage.queries.ts.
 */
import type { LineageEdge } from './lineage.queries';
import { dayBefore } from '@dangbo/vn';

export interface DatedRoot {
  unitId: number;
  /** The day whose tree gives this root's subtree. */
  asOf: string;
}

const earliest = (...days: string[]) => days.reduce((a, b) => (a < b ? a : b));

/**
 * The unit itself as of the period's end; and, for the part of the period before the unit was founded, each unit it
 * was made of, as of its last day inside that part (recursively: a predecessor founded inside the period brings its
 * own predecessors). A unit founded before the period brings none, so the figures of a unit that merely absorbed
 * another later, or of one with no lineage, are its own subtree exactly as before.
 */
export function reportRoots(unit: { id: number; validFrom: string }, edges: readonly LineageEdge[], period: { from: string; to: string }): DatedRoot[] {
  const out: DatedRoot[] = [{ unitId: unit.id, asOf: period.to }];
  const seen = new Set<number>([unit.id]);
  const visit = (id: number, founded: string, until: string) => {
    if (period.from >= founded) return;
    for (const e of edges) {
      if (e.successorId !== id || seen.has(e.predecessorId)) continue;
      const last = earliest(until, dayBefore(founded), ...(e.predecessorTo ? [dayBefore(e.predecessorTo)] : []));
      if (last < period.from || e.predecessorFrom > last) continue;
      seen.add(e.predecessorId);
      out.push({ unitId: e.predecessorId, asOf: last });
      visit(e.predecessorId, e.predecessorFrom, last);
    }
  };
  visit(unit.id, unit.validFrom, period.to);
  return out;
}
