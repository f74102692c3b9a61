/**
 * Reading and checking a restructure request before anything is planned: the shape each event type needs, the dates
 * against each unit's life, kinds and levels that fit together, cycles, the caller's rights at the level above, and
 * "already applied". Every refusal names the field and says why in Vietnamese; nothing is written here.
 */
import { Capability, ErrorCode, MassOrgKind, MEMBER_HOLDING_KINDS, NON_PARTY_KINDS, OrgUnitKind } from '@dangbo/shared-types';
import { dayBefore, formatDate } from '@dangbo/vn';
import { EntityManager, In } from 'typeorm';
import { Context } from '../../context';
import { AppError, BadInputError, ConflictError } from '../../core/errors';
import { optionalText, parseDate, parseId, parseOptionalDate, parseOptionalId, requiredText } from '../../core/input';
import { OrgUnitEntity, OrgUnitLinkEntity } from '../org-unit/org-unit.entity';
import { checkPlacement } from '../org-unit/structure.rules';
import { subtreeUnitIds } from '../org-unit/tree.queries';
import { OrgEventEntity, OrgEventType, OrgEventUnitEntity, OrgEventUnitRole } from './org-event.entity';
import { GrantPolicy, RestructureInput } from './org-event.input';

export interface NewUnitSpec {
  name: string;
  kind: OrgUnitKind;
  massOrgKind: MassOrgKind | null;
  shortName: string | null;
  code: string | null;
}

/** A checked request: the units it acts on, loaded, with their parents on the day before the event. */
export interface Resolved {
  type: OrgEventType;
  date: string;
  dayBefore: string;
  sources: OrgUnitEntity[];
  /** Parent of each source on the day before the event (null: a top unit). */
  parentOf: Map<number, number | null>;
  target: OrgUnitEntity | null;
  parent: OrgUnitEntity | null;
  newUnits: NewUnitSpec[];
  placements: Map<number, number>;
  newName: string | null;
  newShortName: string | null;
  grantPolicy: GrantPolicy;
  documentId: number | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  note: string | null;
}

/** Events after which the source units no longer exist. */
export const ENDING: readonly OrgEventType[] = [OrgEventType.MERGE, OrgEventType.ABSORB, OrgEventType.SPLIT, OrgEventType.END];

const isParty = (kind: OrgUnitKind) => !NON_PARTY_KINDS.includes(kind);

function parseNewUnit(field: string, n: RestructureInput['newUnits'] extends (infer T)[] | undefined ? T : never): NewUnitSpec {
  if (n.kind === OrgUnitKind.MASS_ORG && !n.massOrgKind) throw new BadInputError(`${field}.massOrgKind`, 'Tổ chức đoàn thể phải chọn loại đoàn thể');
  return {
    name: requiredText(`${field}.name`, n.name, 'Tên đơn vị mới'),
    kind: n.kind,
    massOrgKind: n.kind === OrgUnitKind.MASS_ORG ? (n.massOrgKind ?? null) : null,
    shortName: optionalText(`${field}.shortName`, n.shortName, 'Tên viết tắt', 100) ?? null,
    code: optionalText(`${field}.code`, n.code, 'Mã đơn vị', 32) ?? null,
  };
}

/** How many source units and new units each type takes. */
const SHAPE: Record<OrgEventType, { sources: [number, number]; newUnits: [number, number] }> = {
  FOUND: { sources: [0, 0], newUnits: [1, 1] },
  MERGE: { sources: [2, 100], newUnits: [1, 1] },
  ABSORB: { sources: [1, 100], newUnits: [0, 0] },
  SPLIT: { sources: [1, 1], newUnits: [2, 20] },
  RENAME: { sources: [1, 1], newUnits: [0, 0] },
  MOVE: { sources: [1, 1], newUnits: [0, 0] },
  END: { sources: [1, 1], newUnits: [0, 0] },
};

const TYPE_LABEL: Record<OrgEventType, string> = {
  FOUND: 'Thành lập',
  MERGE: 'Hợp nhất',
  ABSORB: 'Sáp nhập',
  SPLIT: 'Chia tách',
  RENAME: 'Đổi tên',
  MOVE: 'Chuyển đơn vị',
  END: 'Kết thúc hoạt động',
};

function parseShape(input: Complete) {
  const shape = SHAPE[input.type];
  const ids = [...new Set((input.unitIds ?? []).map((id, i) => parseId(`unitIds.${i}`, id)))];
  const [min, max] = shape.sources;
  if (ids.length < min || ids.length > max) {
    const want = min === max ? `đúng ${min}` : `từ ${min}`;
    throw new BadInputError('unitIds', `${TYPE_LABEL[input.type]}: cần chọn ${want} đơn vị (đã chọn ${ids.length})`);
  }
  const newUnits = (input.newUnits ?? []).map((n, i) => parseNewUnit(`newUnits.${i}`, n));
  if (newUnits.length < shape.newUnits[0] || newUnits.length > shape.newUnits[1]) {
    throw new BadInputError('newUnits', `${TYPE_LABEL[input.type]}: cần ${shape.newUnits[0] === shape.newUnits[1] ? `đúng ${shape.newUnits[0]}` : `ít nhất ${shape.newUnits[0]}`} đơn vị mới`);
  }
  const targetId = parseOptionalId('targetId', input.targetId) ?? null;
  if (input.type === OrgEventType.ABSORB && targetId === null) throw new BadInputError('targetId', 'Sáp nhập: hãy chọn đơn vị nhận sáp nhập');
  if (targetId !== null && ids.includes(targetId)) throw new BadInputError('targetId', 'Đơn vị nhận sáp nhập không thể đồng thời là đơn vị bị sáp nhập');
  const parentId = parseOptionalId('parentId', input.parentId) ?? null;
  if (input.type === OrgEventType.MOVE && parentId === null) throw new BadInputError('parentId', 'Chuyển đơn vị: hãy chọn đơn vị cấp trên mới');
  if (input.type === OrgEventType.FOUND && parentId === null) throw new BadInputError('parentId', 'Thành lập: hãy chọn đơn vị cấp trên');
  const newName = input.type === OrgEventType.RENAME ? requiredText('newName', input.newName ?? '', 'Tên mới') : null;
  const placements = new Map<number, number>();
  for (const [i, p] of (input.placements ?? []).entries()) {
    if (!Number.isInteger(p.newUnitIndex) || p.newUnitIndex < 0 || p.newUnitIndex >= newUnits.length) {
      throw new BadInputError(`placements.${i}.newUnitIndex`, 'Đơn vị mới được chọn không có trong danh sách đơn vị mới');
    }
    placements.set(parseId(`placements.${i}.unitId`, p.unitId), p.newUnitIndex);
  }
  return { ids, newUnits, targetId, parentId, newName, placements };
}

async function loadInScope(ctx: Context, em: EntityManager, ids: number[], field: string): Promise<OrgUnitEntity[]> {
  const found = ids.length ? await em.find(OrgUnitEntity, { where: { id: In(ids) } }) : [];
  const byId = new Map(found.map((u) => [u.id, u]));
  for (const id of ids) {
    if (!byId.has(id) || !(await ctx.scope.includesUnit(ctx.em, ctx.today, id))) {
      throw new BadInputError(field, `Không có đơn vị mã ${id} trong phạm vi của bạn`);
    }
  }
  return ids.map((id) => byId.get(id) as OrgUnitEntity);
}

/** The unit exists on `date` (the first day of the new state) and existed the day before when it is acted on. */
function checkLife(unit: OrgUnitEntity, date: string, field: string, actedOn: boolean): void {
  if (actedOn ? date <= unit.validFrom : date < unit.validFrom) {
    throw new BadInputError('effectiveDate', `Ngày hiệu lực ${formatDate(date)} không sau ngày thành lập "${unit.name}" (${formatDate(unit.validFrom)})`, { unitField: field });
  }
  if (unit.validTo && date >= unit.validTo) {
    throw new BadInputError('effectiveDate', `"${unit.name}" đã kết thúc hoạt động từ ${formatDate(unit.validTo)}, trước ngày hiệu lực ${formatDate(date)}`, { unitField: field });
  }
}

async function parentsOn(em: EntityManager, ids: number[], day: string): Promise<Map<number, number | null>> {
  const out = new Map<number, number | null>(ids.map((id) => [id, null]));
  if (ids.length === 0) return out;
  const links = await em
    .createQueryBuilder(OrgUnitLinkEntity, 'l')
    .where('l.unitId IN (:...ids)', { ids })
    .andWhere('l.validFrom <= :day AND (l.validTo IS NULL OR l.validTo > :day)', { day })
    .getMany();
  for (const l of links) out.set(l.unitId, l.parentId);
  return out;
}

/** MANAGE_UNITS on the level above (a top unit: system administrators only); refused with the field it concerns. */
async function requireAbove(ctx: Context, parentId: number | null, field: string, what: string): Promise<void> {
  const allowed = parentId === null ? ctx.access.isSystemAdmin : await ctx.access.can(ctx.em, ctx.today, Capability.MANAGE_UNITS, parentId);
  if (!allowed) throw new AppError(ErrorCode.FORBIDDEN, `Chỉ cấp trên trực tiếp (có quyền quản lý đơn vị) mới ${what}`, { field });
}

/** The same event (type, date, a shared unit) recorded before: applying it again is refused. */
async function refuseReplay(em: EntityManager, type: OrgEventType, date: string, unitIds: number[], foundedName?: string): Promise<void> {
  if (unitIds.length === 0) return;
  const qb = em
    .createQueryBuilder(OrgEventEntity, 'e')
    .innerJoin(OrgEventUnitEntity, 'eu', 'eu.eventId = e.id')
    .where('e.type = :type AND e.effectiveDate = :date', { type, date })
    .andWhere('eu.role = :role AND eu.unitId IN (:...unitIds)', { role: OrgEventUnitRole.SOURCE, unitIds });
  // Founding: the same parent may found several units on one day; the same name twice is the replay.
  if (foundedName !== undefined) {
    qb.innerJoin(OrgEventUnitEntity, 'er', 'er.eventId = e.id AND er.role = :result', { result: OrgEventUnitRole.RESULT })
      .innerJoin(OrgUnitEntity, 'fu', 'fu.id = er.unitId')
      .andWhere('fu.name = :foundedName', { foundedName });
  }
  const prior = await qb.getOne();
  if (prior) {
    throw new ConflictError(`Sự kiện này đã được áp dụng (sự kiện số ${prior.id}, hiệu lực ${formatDate(prior.effectiveDate)})`, { reason: 'EVENT_APPLIED', eventId: String(prior.id) });
  }
}

type Complete = RestructureInput & { type: OrgEventType; effectiveDate: string };

export async function resolveRequest(ctx: Context, em: EntityManager, raw: RestructureInput): Promise<Resolved> {
  if (!raw.type) throw new BadInputError('type', 'Hãy chọn loại sự kiện');
  if (!raw.effectiveDate) throw new BadInputError('effectiveDate', 'Hãy nhập ngày có hiệu lực');
  const input = raw as Complete;
  const date = parseDate('effectiveDate', input.effectiveDate, 'Ngày hiệu lực');
  const shape = parseShape(input);
  const decisionDate = parseOptionalDate('decisionDate', input.decisionDate, 'Ngày quyết định') ?? null;
  const decisionNumber = optionalText('decisionNumber', input.decisionNumber, 'Số quyết định', 100) ?? null;
  const documentId = parseOptionalId('documentId', input.documentId) ?? null;
  const note = optionalText('note', input.note, 'Ghi chú', 1000) ?? null;
  if (documentId === null && decisionNumber === null) throw new BadInputError('decisionNumber', 'Hãy chọn văn bản quyết định hoặc ghi số quyết định');
  if (documentId !== null && !(await em.query('SELECT 1 FROM document WHERE id = ?', [documentId])).length) {
    throw new BadInputError('documentId', `Không có văn bản mã ${documentId}`);
  }

  const sources = await loadInScope(ctx, em, shape.ids, 'unitIds');
  const [target] = shape.targetId === null ? [null] : await loadInScope(ctx, em, [shape.targetId], 'targetId');
  const [parent] = shape.parentId === null ? [null] : await loadInScope(ctx, em, [shape.parentId], 'parentId');

  // Replays first: a second apply would otherwise read as "the unit has already ended".
  if (input.type === OrgEventType.FOUND) await refuseReplay(em, input.type, date, [shape.parentId as number], shape.newUnits[0].name);
  else await refuseReplay(em, input.type, date, shape.ids);

  const before = dayBefore(date);
  const parentOf = await parentsOn(em, shape.ids, before);
  for (const u of sources) checkLife(u, date, 'unitIds', true);
  if (target) checkLife(target, date, 'targetId', false);
  if (parent) checkLife(parent, date, 'parentId', false);

  // Party units and the Front's hierarchy never mix (domain.md §3.3).
  const kinds = [...sources.map((u) => u.kind), ...(target ? [target.kind] : []), ...shape.newUnits.map((n) => n.kind)];
  if (kinds.some(isParty) && kinds.some((k) => !isParty(k))) {
    throw new BadInputError('unitIds', 'Không thể gộp tổ chức đảng với Mặt trận Tổ quốc hoặc tổ chức đoàn thể');
  }
  if (input.type === OrgEventType.MERGE || input.type === OrgEventType.ABSORB) {
    const all = target ? [...sources, target] : sources;
    if (new Set(all.map((u) => u.kind)).size > 1) throw new BadInputError('unitIds', 'Chỉ hợp nhất, sáp nhập các đơn vị cùng loại, cùng cấp');
    // A merge of communes makes a commune, of cells a cell: changing the kind too is a separate decision.
    const made = shape.newUnits[0];
    if (made && made.kind !== sources[0].kind) throw new BadInputError('newUnits.0.kind', 'Đơn vị hợp nhất phải cùng loại với các đơn vị được hợp nhất');
    const parentKinds = new Set<string>();
    const parentIds = [...new Set(sources.map((u) => parentOf.get(u.id) ?? null))];
    const parents = parentIds.filter((id): id is number => id !== null);
    if (parents.length !== parentIds.length && parentIds.length > 1) throw new BadInputError('unitIds', 'Các đơn vị hợp nhất phải cùng cấp: có đơn vị là cấp cao nhất');
    for (const p of parents.length ? await em.find(OrgUnitEntity, { where: { id: In(parents) } }) : []) parentKinds.add(p.kind);
    if (parentKinds.size > 1) throw new BadInputError('unitIds', 'Các đơn vị hợp nhất phải cùng cấp: cấp trên của chúng thuộc các cấp khác nhau');
  }

  // Rights: the level above every unit acted on, and the place every new or moved unit goes.
  for (const u of sources) await requireAbove(ctx, parentOf.get(u.id) ?? null, 'unitIds', `${TYPE_LABEL[input.type].toLowerCase()} "${u.name}"`);
  if (target && !(await ctx.access.can(ctx.em, ctx.today, Capability.MANAGE_UNITS, target.id))) {
    throw new AppError(ErrorCode.FORBIDDEN, `Bạn không có quyền quản lý đơn vị "${target.name}"`, { field: 'targetId' });
  }
  if (parent) await requireAbove(ctx, parent.id, 'parentId', `đặt đơn vị dưới "${parent.name}"`);

  const effectiveParent = parent ?? (input.type === OrgEventType.MERGE || input.type === OrgEventType.SPLIT ? await commonParent(em, sources, parentOf) : null);
  for (const [i, n] of shape.newUnits.entries()) {
    if (effectiveParent) checkPlacement(n.kind, effectiveParent, 'parentId');
    else if (!ctx.access.isSystemAdmin) throw new BadInputError(`newUnits.${i}`, 'Hãy chọn đơn vị cấp trên cho đơn vị mới');
  }
  if (input.type === OrgEventType.MOVE && parent) {
    const unit = sources[0];
    checkPlacement(unit.kind, parent, 'parentId');
    if ((await subtreeUnitIds(em, [unit.id], date)).includes(parent.id) || (await subtreeUnitIds(em, [unit.id], before)).includes(parent.id)) {
      throw new BadInputError('parentId', `Không thể đặt "${unit.name}" dưới "${parent.name}": "${parent.name}" đang trực thuộc nó (tạo thành vòng)`);
    }
    if (parentOf.get(unit.id) === parent.id) throw new BadInputError('parentId', `"${unit.name}" đã trực thuộc "${parent.name}"`);
  }
  if (input.type === OrgEventType.RENAME) {
    const unit = sources[0];
    if (unit.nameFrom && date <= unit.nameFrom) throw new BadInputError('effectiveDate', `"${unit.name}" đã đổi tên từ ${formatDate(unit.nameFrom)}; ngày đổi tên mới phải sau ngày đó`);
    if (shape.newName === unit.name) throw new BadInputError('newName', 'Tên mới trùng tên hiện tại');
  }

  return {
    type: input.type,
    date,
    dayBefore: before,
    sources,
    parentOf,
    target,
    parent: effectiveParent,
    newUnits: shape.newUnits,
    placements: shape.placements,
    newName: shape.newName,
    newShortName: optionalText('newShortName', input.newShortName, 'Tên viết tắt', 100) ?? null,
    grantPolicy: input.grantPolicy ?? GrantPolicy.MOVE,
    documentId,
    decisionNumber,
    decisionDate,
    note,
  };
}

/** MERGE and SPLIT without a parent: the new unit goes where the sources were (they must share one parent). */
async function commonParent(em: EntityManager, sources: OrgUnitEntity[], parentOf: Map<number, number | null>): Promise<OrgUnitEntity | null> {
  const ids = [...new Set(sources.map((u) => parentOf.get(u.id) ?? null))];
  if (ids.length > 1) throw new BadInputError('parentId', 'Các đơn vị có cấp trên khác nhau: hãy chọn cấp trên cho đơn vị mới');
  return ids[0] === null ? null : em.findOneByOrFail(OrgUnitEntity, { id: ids[0] });
}

/** The kind that receives what an ended unit held: its children must fit under it, and members need a cell. */
export function checkReceiver(receiver: Pick<OrgUnitEntity, 'kind' | 'name'>, childKinds: OrgUnitKind[], holdsMembers: boolean, field: string): void {
  for (const k of childKinds) checkPlacement(k, receiver, field);
  if (holdsMembers && !MEMBER_HOLDING_KINDS.includes(receiver.kind)) {
    throw new BadInputError(field, `"${receiver.name}" không phải chi bộ nên không nhận được đảng viên sinh hoạt`);
  }
}
