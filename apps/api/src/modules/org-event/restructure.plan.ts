/**
 * What an event changes, as a list of steps: each step is one row-level change (shown to the user by the dry run)
 * and the write that makes it (run by the apply). Dry run and apply build the list the same way from the same
 * state, so they list the same changes; the apply runs every write inside one transaction.
 *
 * Dates: an event effective on E closes what it ends with validTo = E (exclusive: the last day is E − 1) and opens
 * what it starts with validFrom = E. Rows entirely in the past are never touched: a 2017 membership of an ended cell
 * keeps pointing at that cell. Only rows still open on E move.
 */
import { formatDate, foldForSearch, vietnameseSortKey } from '@dangbo/vn';
import { EntityManager } from 'typeorm';
import { BadInputError, ConflictError } from '../../core/errors';
import { CriteriaSetEntity } from '../criteria/criteria.entity';
import { MemberAssignmentEntity, MemberPositionEntity } from '../member/member.entity';
import { OrgUnitEntity, OrgUnitLinkEntity } from '../org-unit/org-unit.entity';
import { RatingPeriodEntity } from '../rating-period/rating-period.entity';
import { RoleGrantEntity } from '../user/user.entity';
import { OrgEventType, OrgLineageEntity, OrgUnitNameEntity } from './org-event.entity';
import { GrantPolicy, RestructureChange, RestructureChangeKind as K } from './org-event.input';
import { checkReceiver, ENDING, Resolved } from './restructure.rules';
import { Contents, contentsOf, OPEN_ON } from './restructure.contents';

/** What one write changed, for the event's single audit entry (one entry per mutation, listing every row). */
export interface AuditRecordOfStep {
  entity: string;
  entityId: string | number | null;
  before: unknown;
  after: unknown;
  unitId: number;
}

/** Ids the apply learns as it goes (the event, the units it creates by their index in newUnits) and what it wrote. */
export interface Made {
  eventId: number;
  newIds: number[];
  log: AuditRecordOfStep[];
  /** Units memberships left or entered: their member counts are rewritten once, after the steps (member-counts.ts). */
  recount: Set<number>;
}

export interface Step {
  change: RestructureChange;
  run(tx: WriteTx, made: Made): Promise<void>;
}

/** The transaction's manager and the step's audit line (collected into the one audit entry of the mutation). */
interface WriteTx {
  em: EntityManager;
  audit(record: AuditRecordOfStep): Promise<void>;
}

/** Where the contents of an ended unit go: an existing unit or the n-th new one. */
type Receiver = { id: number; newIndex: null; name: string } | { id: null; newIndex: number; name: string };

const idOf = (r: Receiver, made: Made) => (r.id ?? made.newIds[r.newIndex]) as number;

function change(kind: K, entity: string, entityId: number | null, from: number | null, to: Receiver | null, description: string): RestructureChange {
  return {
    kind,
    entity,
    entityId: entityId === null ? null : String(entityId),
    fromUnitId: from === null ? null : String(from),
    toUnitId: to?.id === null || to === null ? null : String(to.id),
    toNewUnit: to?.newIndex ?? null,
    description,
  };
}

export async function planSteps(em: EntityManager, r: Resolved): Promise<Step[]> {
  const steps: Step[] = [];
  const d = formatDate(r.date);
  const last = formatDate(r.dayBefore);
  const newReceivers: Receiver[] = r.newUnits.map((n, i) => ({ id: null, newIndex: i, name: n.name }));

  // 1. New units.
  for (const [i, n] of r.newUnits.entries()) {
    const parent = r.parent;
    steps.push({
      change: change(K.UNIT_FOUNDED, 'OrgUnit', null, null, newReceivers[i], `Thành lập "${n.name}"${parent ? ` trực thuộc "${parent.name}"` : ''} từ ${d}`),
      async run({ em, audit }, made) {
        const unit = em.create(OrgUnitEntity, { ...n, validFrom: r.date, validTo: null, nameFrom: null, searchText: foldForSearch(`${n.name} ${n.code ?? ''}`), sortKey: vietnameseSortKey(n.name) });
        await em.save(unit);
        made.newIds[i] = unit.id;
        if (parent) await em.insert(OrgUnitLinkEntity, { unitId: unit.id, parentId: parent.id, validFrom: r.date, validTo: null });
        await audit({ entity: 'OrgUnit', entityId: unit.id, before: null, after: { ...unit, parentId: parent?.id ?? null, eventId: made.eventId }, unitId: unit.id });
      },
    });
  }

  const ending = ENDING.includes(r.type) ? r.sources : [];
  const endingIds = ending.map((u) => u.id);
  const targetReceiver: Receiver | null = r.target ? { id: r.target.id, newIndex: null, name: r.target.name } : null;
  const receiverOf = (childId: number | null): Receiver | null => {
    if (r.type === OrgEventType.MERGE) return newReceivers[0];
    if (r.type === OrgEventType.ABSORB) return targetReceiver;
    if (r.type === OrgEventType.SPLIT) {
      const at = childId === null ? 0 : r.placements.get(childId);
      return at === undefined ? null : newReceivers[at];
    }
    return null;
  };

  // 2. Lineage: what became of what.
  const pairs: [OrgUnitEntity, Receiver][] =
    r.type === OrgEventType.SPLIT ? newReceivers.map((n) => [r.sources[0], n]) : ending.flatMap((u) => (receiverOf(null) ? [[u, receiverOf(null) as Receiver]] : []));
  for (const [from, to] of pairs) {
    steps.push({
      change: change(K.LINEAGE, 'OrgLineage', null, from.id, to, `"${from.name}" → "${to.name}" từ ${d}`),
      async run({ em, audit }, made) {
        const row = { eventId: made.eventId, predecessorId: from.id, successorId: idOf(to, made), effectiveDate: r.date, type: r.type };
        const saved = await em.save(em.create(OrgLineageEntity, row));
        await audit({ entity: 'OrgLineage', entityId: saved.id, before: null, after: saved, unitId: saved.successorId });
      },
    });
  }

  // 3. Rename: the old name stays valid up to the day before.
  if (r.type === OrgEventType.RENAME) {
    const unit = r.sources[0];
    steps.push({
      change: change(K.UNIT_RENAMED, 'OrgUnit', unit.id, unit.id, null, `"${unit.name}" đổi tên thành "${r.newName}" từ ${d}`),
      async run({ em, audit }) {
        const fresh = await em.findOneByOrFail(OrgUnitEntity, { id: unit.id });
        await em.insert(OrgUnitNameEntity, { unitId: unit.id, name: fresh.name, shortName: fresh.shortName, validTo: r.date });
        const after = { name: r.newName as string, shortName: r.newShortName ?? fresh.shortName, nameFrom: r.date, searchText: foldForSearch(`${r.newName} ${fresh.code ?? ''}`), sortKey: vietnameseSortKey(r.newName as string) };
        await em.update(OrgUnitEntity, { id: unit.id }, { ...after, version: fresh.version + 1 });
        await audit({ entity: 'OrgUnit', entityId: unit.id, before: { name: fresh.name, shortName: fresh.shortName }, after, unitId: unit.id });
      },
    });
  }

  // 4. Move: the unit's own link.
  if (r.type === OrgEventType.MOVE && r.parent) {
    const unit = r.sources[0];
    const link = await em.createQueryBuilder(OrgUnitLinkEntity, 'l').where('l.unitId = :id', { id: unit.id }).andWhere(`l.validFrom < :date AND ${OPEN_ON('l')}`, { date: r.date }).getOne();
    steps.push(moveLink(unit, link, unit.id, { id: r.parent.id, newIndex: null, name: r.parent.name }, r.date, `Chuyển "${unit.name}" sang trực thuộc "${r.parent.name}" từ ${d}`));
  }

  if (ending.length === 0) return steps;
  const holds = await contentsOf(em, endingIds, r.date);

  // 5. Child units of the ended units: the old link ends on the last day, the new one starts on the day.
  if (r.type === OrgEventType.SPLIT) {
    for (const c of holds.children) if (!r.placements.has(c.unitId)) throw new BadInputError('placements', `Chia tách: hãy chọn đơn vị mới cho "${c.name}"`);
    for (const id of r.placements.keys()) if (!holds.children.some((c) => c.unitId === id)) throw new BadInputError('placements', `Đơn vị mã ${id} không trực thuộc đơn vị được chia tách`);
    if (holds.assignments.length) throw new BadInputError('unitIds', 'Chia tách chi bộ: hãy chuyển sinh hoạt của đảng viên trước');
  }
  if (r.type === OrgEventType.END && (holds.children.length || holds.assignments.length)) {
    throw new BadInputError('unitIds', `"${ending[0].name}" còn đơn vị trực thuộc hoặc đảng viên sinh hoạt vào ngày ${d}: hãy chuyển đi trước, hoặc dùng hợp nhất, sáp nhập`);
  }
  checkReceivers(r, holds, receiverOf, newReceivers);
  for (const c of holds.children) {
    const to = receiverOf(c.unitId) as Receiver;
    steps.push(moveLink({ id: c.unitId, name: c.name }, c.link, c.link.parentId, to, r.date, `"${c.name}": thôi trực thuộc "${nameOf(ending, c.link.parentId)}" sau ${last}, trực thuộc "${to.name}" từ ${d}`));
  }

  // 6. Members of ended cells: membership closed on the last day, opened in the successor on the day.
  for (const a of holds.assignments) {
    const to = receiverOf(null) as Receiver;
    steps.push({
      change: change(K.MEMBERSHIP_MOVED, 'MemberAssignment', a.id, a.unitId, to, `Đảng viên ${a.fullName}: sinh hoạt tại "${nameOf(ending, a.unitId)}" đến ${last}, tại "${to.name}" từ ${d}`),
      async run({ em, audit }, made) {
        const unitId = idOf(to, made);
        if (a.validFrom >= r.date) await em.update(MemberAssignmentEntity, { id: a.id }, { unitId });
        else {
          await em.update(MemberAssignmentEntity, { id: a.id }, { validTo: r.date });
          await em.insert(MemberAssignmentEntity, { memberId: a.memberId, unitId, kind: a.kind, validFrom: r.date, validTo: a.validTo, note: a.note });
        }
        made.recount.add(a.unitId).add(unitId);
        await audit({ entity: 'MemberAssignment', entityId: a.id, before: { unitId: a.unitId, validTo: a.validTo }, after: { unitId, validFrom: r.date }, unitId });
      },
    });
  }

  // 7. Posts held on an ended unit end with it (a new committee elects or is appointed anew).
  for (const p of holds.positions) {
    steps.push({
      change: change(K.POSITION_ENDED, 'MemberPosition', p.id, p.unitId, null, `Chức vụ ${p.title} của ${p.fullName} tại "${nameOf(ending, p.unitId)}" kết thúc ngày ${last}`),
      async run({ em, audit }) {
        await em.update(MemberPositionEntity, { id: p.id }, { validTo: r.date });
        await audit({ entity: 'MemberPosition', entityId: p.id, before: { validTo: p.validTo }, after: { validTo: r.date }, unitId: p.unitId });
      },
    });
  }

  // 8. Roles on ended units: moved to the successor from the day (a new dated grant), or ended.
  const taken = new Set<string>();
  for (const g of holds.grants) {
    const to = r.grantPolicy === GrantPolicy.MOVE ? receiverOf(null) : null;
    const key = to ? `${g.userId}/${g.role}/${to.id ?? `new${to.newIndex}`}` : '';
    const held = to?.id !== null && to !== null && (await em.exists(RoleGrantEntity, { where: { userId: g.userId, role: g.role, unitId: to.id } }));
    const moves = to !== null && !held && !taken.has(key);
    if (moves) taken.add(key);
    const who = `${g.displayName} (${g.username})`;
    steps.push({
      change: moves
        ? change(K.GRANT_MOVED, 'RoleGrant', g.id, g.unitId, to, `Vai trò ${g.role} của ${who}: chuyển từ "${nameOf(ending, g.unitId)}" sang "${to?.name}" từ ${d}`)
        : change(K.GRANT_ENDED, 'RoleGrant', g.id, g.unitId, null, `Vai trò ${g.role} của ${who} tại "${nameOf(ending, g.unitId)}" kết thúc ngày ${last}${to ? ' (đã có vai trò này ở đơn vị kế thừa)' : ''}`),
      async run({ em, audit }, made) {
        await em.update(RoleGrantEntity, { id: g.id }, { validTo: r.date });
        let after: Record<string, unknown> = { validTo: r.date };
        if (moves && to) {
          const moved = await em.save(em.create(RoleGrantEntity, { userId: g.userId, role: g.role, unitId: idOf(to, made), validFrom: r.date, validTo: null }));
          after = { ...after, movedTo: moved };
        }
        await audit({ entity: 'RoleGrant', entityId: g.id, before: { unitId: g.unitId, validTo: g.validTo }, after, unitId: g.unitId });
      },
    });
  }

  // 9–10. Open rating work of ended units goes to the successor (a locked or past period stays where it was).
  const successor = receiverOf(null) ?? newReceivers[0] ?? null;
  if (successor) {
    for (const s of holds.criteriaSets) steps.push(reassign(CriteriaSetEntity, K.CRITERIA_SET_MOVED, 'CriteriaSet', s, successor, `Bộ tiêu chí "${s.name}" của "${nameOf(ending, s.unitId)}" chuyển sang "${successor.name}"`));
    const years = new Map<string, string>();
    for (const p of holds.periods) {
      const key = `${p.year}/${p.quarter}`;
      const clash = years.get(key) ?? (successor.id !== null && (await em.exists(RatingPeriodEntity, { where: { unitId: successor.id, year: p.year, quarter: p.quarter } })) ? successor.name : undefined);
      if (clash) throw new ConflictError(`Kỳ đánh giá "${p.name}" của "${nameOf(ending, p.unitId)}" trùng kỳ cùng năm của "${clash}": hãy xử lý một trong hai kỳ trước`, { reason: 'PERIOD_CLASH' });
      years.set(key, nameOf(ending, p.unitId));
      steps.push(reassign(RatingPeriodEntity, K.RATING_PERIOD_MOVED, 'RatingPeriod', p, successor, `Kỳ đánh giá "${p.name}" của "${nameOf(ending, p.unitId)}" chuyển sang "${successor.name}"`));
    }
  } else if (holds.periods.length || holds.criteriaSets.length) {
    throw new BadInputError('unitIds', `"${ending[0].name}" còn kỳ đánh giá hoặc bộ tiêu chí đang mở: hãy khóa hoặc chuyển trước khi kết thúc`);
  }

  // 11. The ended units themselves: validTo is the day, and their own place in the tree closes with them.
  for (const u of ending) {
    steps.push({
      change: change(K.UNIT_ENDED, 'OrgUnit', u.id, u.id, null, `"${u.name}" kết thúc hoạt động sau ngày ${last}`),
      async run({ em, audit }) {
        const fresh = await em.findOneByOrFail(OrgUnitEntity, { id: u.id });
        await em.update(OrgUnitEntity, { id: u.id }, { validTo: r.date, version: fresh.version + 1 });
        await em.createQueryBuilder().update(OrgUnitLinkEntity).set({ validTo: r.date }).where('unitId = :id', { id: u.id }).andWhere(`validFrom < :date AND (validTo IS NULL OR validTo > :date)`, { date: r.date }).execute();
        await audit({ entity: 'OrgUnit', entityId: u.id, before: { validTo: fresh.validTo }, after: { validTo: r.date }, unitId: u.id });
      },
    });
  }
  return steps;
}

const nameOf = (units: OrgUnitEntity[], id: number) => units.find((u) => u.id === id)?.name ?? `#${id}`;

function moveLink(unit: { id: number; name: string }, link: OrgUnitLinkEntity | null, from: number, to: Receiver, date: string, description: string): Step {
  return {
    change: change(K.UNIT_MOVED, 'OrgUnitLink', link?.id ?? null, from, to, description),
    async run({ em, audit }, made) {
      const parentId = idOf(to, made);
      if (link && link.validFrom >= date) await em.update(OrgUnitLinkEntity, { id: link.id }, { parentId });
      else {
        if (link) await em.update(OrgUnitLinkEntity, { id: link.id }, { validTo: date });
        await em.insert(OrgUnitLinkEntity, { unitId: unit.id, parentId, validFrom: date, validTo: link?.validTo ?? null });
      }
      await audit({ entity: 'OrgUnitLink', entityId: link?.id ?? null, before: link, after: { unitId: unit.id, parentId, validFrom: date }, unitId: unit.id });
    },
  };
}

function reassign<E extends { id: number; unitId: number }>(type: new () => E, kind: K, entity: string, row: E, to: Receiver, description: string): Step {
  return {
    change: change(kind, entity, row.id, row.unitId, to, description),
    async run({ em, audit }, made) {
      const unitId = idOf(to, made);
      await em.createQueryBuilder().update(type).set({ unitId } as never).where('id = :id', { id: row.id }).execute();
      await audit({ entity, entityId: row.id, before: { unitId: row.unitId }, after: { unitId }, unitId });
    },
  };
}

function checkReceivers(r: Resolved, holds: Contents, receiverOf: (childId: number | null) => Receiver | null, news: Receiver[]): void {
  const kindOf = (to: Receiver) => (to.id !== null && r.target ? r.target : { kind: r.newUnits[to.newIndex as number].kind, name: to.name });
  const field = (to: Receiver) => (to.id !== null ? 'targetId' : `newUnits.${to.newIndex}`);
  for (const to of r.type === OrgEventType.SPLIT ? news : [receiverOf(null)].filter((x): x is Receiver => x !== null)) {
    const kids = holds.children.filter((c) => receiverOf(c.unitId) === to).map((c) => c.kind);
    checkReceiver(kindOf(to), kids, holds.assignments.length > 0, field(to));
  }
}
