/**
 * How much of a unit a caller sees. A unit inside the caller's subtrees (as of today) shows everything. A unit
 * outside them reaches the caller only as the issuer of something readable (the criteria set of an ancestor
 * committee) or as a place in a readable record (a member's former cell elsewhere); it then shows id, kind and name
 * and nothing that leads further: no parent or parentId, children, counts, head counts or terms.
 *
 * Every check reads the caller's subtree ids, which Scope loads once per request, so it adds no statement per row.
 */
import { Context } from '../../context';
import { OrgUnitEntity } from './org-unit.entity';

/** True when `unitId` lies inside the caller's subtrees (always for unrestricted callers). */
export function seesInside(ctx: Context, unitId: number): Promise<boolean> {
  return ctx.scope.includesUnit(ctx.em, ctx.today, unitId);
}

/**
 * `value()` for a unit inside the caller's subtrees, `outside` otherwise (without computing `value`). For a caller
 * without restriction it answers without a promise: a page of 500 units then completes synchronously.
 */
export function ifInside<T>(ctx: Context, unitId: number, value: () => T | Promise<T>, outside: T): T | Promise<T> {
  if (ctx.scope.isUnrestricted) return value();
  return seesInside(ctx, unitId).then((inside) => (inside ? value() : outside));
}

/** The units of `list` inside the caller's subtrees, in their order. */
export async function insideOnly(ctx: Context, list: OrgUnitEntity[]): Promise<OrgUnitEntity[]> {
  const scope = await ctx.scope.unitIds(ctx.em, ctx.today);
  return scope ? list.filter((u) => scope.has(u.id)) : list;
}
