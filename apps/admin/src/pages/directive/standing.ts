/**
 * Which unit stands for a directive's owner on a day. A unit that ended in a reorganisation (Mỹ Thạnh, merged into
 * Mỹ Tân Hưng on 2025-07-01) keeps its own years, but a window reaching past its end is carried on by its successor:
 * the page follows the lineage until a unit that exists on the window's last day.
 */
export interface DatedUnit {
  id: string;
  validFrom: string | null;
  validTo: string | null;
  successors: { successorId: string; effectiveDate: string }[];
}

export const existsOn = (unit: Pick<DatedUnit, 'validFrom' | 'validTo'>, day: string) =>
  (unit.validFrom === null || unit.validFrom <= day) && (unit.validTo === null || unit.validTo > day);

/**
 * `'here'`: the unit itself stands on `day`; a successor's id: follow it; `null`: no single heir (not ended yet on
 * that day, or split among several), so the unit itself is kept.
 */
export function nextStanding(unit: DatedUnit, day: string): 'here' | string | null {
  if (existsOn(unit, day)) return 'here';
  const heirs = [...new Set(unit.successors.filter((s) => s.effectiveDate <= day).map((s) => s.successorId))];
  return heirs.length === 1 ? heirs[0] : null;
}
