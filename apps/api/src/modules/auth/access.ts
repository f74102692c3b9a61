/**
 * What the caller may do where. Roles are held on live units and apply to their subtrees (as of today); capabilities
 * come from the one map in libs/shared-types, which the panel reads too. API tokens are read-only whatever their
 * creator holds.
 */
import { Capability, Role, ROLE_CAPABILITIES } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { ForbiddenError, SessionRequiredError } from '../../core/errors';
import { liveSubtreeUnitIds } from '../org-event/lineage.queries';
import { Scope } from './scope';

export interface Grant {
  role: Role;
  unitId: number;
}

export class Access {
  readonly scope: Scope;
  private readonly subtrees = new Map<number, Promise<Set<number>>>();

  constructor(
    readonly grants: Grant[],
    /** API tokens: reading only. */
    readonly readOnly: boolean,
    readonly authenticated: boolean,
  ) {
    const everything = grants.some((g) => g.role === Role.SYSTEM_ADMIN);
    this.scope = everything ? Scope.unrestricted() : Scope.of(grants.map((g) => g.unitId));
  }

  /** For internal jobs (seeding, tools): everything, recorded as the system. */
  static system(): Access {
    return new Access([{ role: Role.SYSTEM_ADMIN, unitId: 0 }], false, true);
  }

  static anonymous(): Access {
    return new Access([], true, false);
  }

  get isSystemAdmin(): boolean {
    return !this.readOnly && this.grants.some((g) => g.role === Role.SYSTEM_ADMIN);
  }

  /** Capabilities held anywhere (the panel's menus; the schema-level check). */
  capabilities(): Set<Capability> {
    const out = new Set<Capability>();
    for (const g of this.grants) for (const c of ROLE_CAPABILITIES[g.role]) if (!this.readOnly || c === Capability.READ) out.add(c);
    return out;
  }

  private subtree(em: EntityManager, today: string, unitId: number): Promise<Set<number>> {
    let found = this.subtrees.get(unitId);
    if (!found) {
      // A grant on an ended unit grants nothing; capabilities follow today's tree only (inherited history is read-only).
      found = liveSubtreeUnitIds(em, unitId, today).then((ids) => new Set(ids));
      this.subtrees.set(unitId, found);
    }
    return found;
  }

  /** True when a grant carrying `capability` covers `unitId` (null: a unit-less action, system admins only). */
  async can(em: EntityManager, today: string, capability: Capability, unitId: number | null): Promise<boolean> {
    if (!this.authenticated) return false;
    if (this.readOnly && capability !== Capability.READ) return false;
    if (this.isSystemAdmin) return true;
    if (unitId === null) return false;
    for (const g of this.grants) {
      if (!ROLE_CAPABILITIES[g.role].includes(capability)) continue;
      if ((await this.subtree(em, today, g.unitId)).has(unitId)) return true;
    }
    return false;
  }

  async require(em: EntityManager, today: string, capability: Capability, unitId: number | null, what?: string): Promise<void> {
    if (!this.authenticated) throw new SessionRequiredError();
    if (!(await this.can(em, today, capability, unitId))) {
      throw new ForbiddenError(
        this.readOnly ? 'Mã truy cập phân tích chỉ được đọc dữ liệu' : `Bạn không có quyền ${what ?? 'thực hiện thao tác này'} ở đơn vị này`,
      );
    }
  }
}
