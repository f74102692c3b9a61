/**
 * Row scope: the subtrees a caller may read and change, applied by services on every query and mutation.
 * Roles apply to the subtree of the unit they are held on, as of today, plus the history that unit inherited through
 * structural events (org-event/lineage.queries.ts): a role on an ended unit reads nothing, a role on a successor
 * reads its predecessors' records. One statement per request, cached.
 */
import { EntityManager } from 'typeorm';
import { readableUnitIds } from '../org-event/lineage.queries';
import { ancestorIdsOf } from '../org-unit/tree.queries';

export class Scope {
  private cached: Promise<Set<number>> | null = null;

  private constructor(
    /** Null: no restriction (system administrators, internal jobs). */
    readonly rootIds: number[] | null,
  ) {}

  static unrestricted(): Scope {
    return new Scope(null);
  }

  static of(rootIds: number[]): Scope {
    return new Scope([...new Set(rootIds)]);
  }

  get isUnrestricted(): boolean {
    return this.rootIds === null;
  }

  /** Every unit id inside the caller's subtrees as of `today`; null when unrestricted. */
  async unitIds(em: EntityManager, today: string): Promise<Set<number> | null> {
    if (this.rootIds === null) return null;
    if (!this.cached) this.cached = readableUnitIds(em, this.rootIds, today).then((ids) => new Set(ids));
    return this.cached;
  }

  /** The caller's tops: live roots that do not sit inside another of the caller's roots (as of `today`). */
  async topRootIds(em: EntityManager, today: string): Promise<number[] | null> {
    if (this.rootIds === null) return null;
    // A root on an ended unit is not in the readable set (it grants nothing), so it is no top either.
    const readable = await this.unitIds(em, today);
    const live = this.rootIds.filter((id) => readable?.has(id));
    const above = await ancestorIdsOf(em, live, today);
    return live.filter((id) => !(above.get(id) ?? []).some((a) => live.includes(a)));
  }

  async includesUnit(em: EntityManager, today: string, unitId: number): Promise<boolean> {
    const ids = await this.unitIds(em, today);
    return ids === null || ids.has(unitId);
  }
}
