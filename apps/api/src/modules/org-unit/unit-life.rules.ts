/**
 * A unit's life: from `validFrom` until `validTo` (exclusive; the last day is the day before). Once a unit has ended,
 * its name, kind and place are history: they change only through a structural event (restructureUnits), which keeps
 * the dated rows, never through a plain edit that would rewrite what the unit was. Nothing new is placed under an
 * ended unit, and nothing new is granted on it (a grant on an ended unit grants nothing, README "Scope across
 * reorganisations"). Pure checks on the unit row; the callers load it.
 */
import { dayBefore, formatDate } from '@dangbo/vn';
import { BadInputError, ConflictError } from '../../core/errors';

type UnitLife = { name: string; validTo: string | null };

/** True when the unit no longer exists on `on` (its end date is on or before that day). */
export const hasEnded = (unit: Pick<UnitLife, 'validTo'>, on: string): boolean => unit.validTo !== null && unit.validTo <= on;

/** "30/06/2025": the unit's last day, as people say it ("kết thúc ngày 30/06/2025"). */
export const lastDayText = (unit: Pick<UnitLife, 'validTo'>): string => (unit.validTo ? formatDate(dayBefore(unit.validTo)) : '');

/** An ended unit is read-only: `what` ("sửa đơn vị này (…)", ...) is refused with CONFLICT naming its last day. */
export function refuseIfEnded(unit: UnitLife, today: string, what: string): void {
  if (!hasEnded(unit, today)) return;
  throw new ConflictError(`"${unit.name}" đã kết thúc hoạt động ngày ${lastDayText(unit)}; không thể ${what}`, {
    reason: 'UNIT_ENDED',
    endedOn: dayBefore(unit.validTo as string),
  });
}

/**
 * No unit is placed under a unit that has ended, today or by the day of the placement (`on`, the founding or move
 * date): the child would hang under a unit that no longer exists.
 */
export function checkParentAlive(parent: UnitLife, on: string, today: string, field = 'parentId'): void {
  if (!hasEnded(parent, today) && !hasEnded(parent, on)) return;
  throw new BadInputError(field, `"${parent.name}" đã kết thúc hoạt động ngày ${lastDayText(parent)}; không thể đặt đơn vị dưới đơn vị đã kết thúc`, {
    reason: 'UNIT_ENDED',
  });
}
