/**
 * What study, recognition and inspection records share: whom a record is about (a member, whose cell on the
 * record's date is the record's unit, or a unit), who decided it (a unit of ours or an outside body by name), the
 * decision number, and the write check on the record's unit. Every refusal names its field in Vietnamese.
 */
import { Capability, MembershipKind, RecordSubject } from '@dangbo/shared-types';
import { parseDocumentNumber } from '@dangbo/vn';
import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { Context } from '../../context';
import { BadInputError } from '../../core/errors';
import { optionalText, parseId } from '../../core/input';
import { MemberAssignmentEntity, MemberEntity } from '../member/member.entity';
import { datedKey } from '../org-unit/org-unit.loaders';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { lineagePredecessorIds } from '../org-event/lineage.queries';
import { ancestorIdsOf } from '../org-unit/tree.queries';
import { BODY_NAME_MAX, DECISION_NUMBER_MAX } from './recognition.entity';

/** The cell a member officially belonged to on `date`, or null. */
export async function cellOfMemberAt(em: EntityManager, memberId: number, date: string): Promise<number | null> {
  const row = await em
    .createQueryBuilder(MemberAssignmentEntity, 'a')
    .where('a.memberId = :memberId AND a.kind = :kind', { memberId, kind: MembershipKind.OFFICIAL })
    .andWhere('a.validFrom <= :at AND (a.validTo IS NULL OR a.validTo > :at)', { at: date })
    .getOne();
  return row?.unitId ?? null;
}

/**
 * A member the caller may record about on `date`: they exist and their cell on that date is in the caller's
 * subtrees. An unknown member and one outside the scope get the same answer.
 */
export async function memberCellInScope(ctx: Context, em: EntityManager, memberId: number, date: string, field = 'memberId'): Promise<number> {
  const member = await em.findOne(MemberEntity, { where: { id: memberId }, select: { id: true } });
  const cellId = member ? await cellOfMemberAt(em, memberId, date) : null;
  if (member && cellId === null && (await memberSeenInScope(ctx, em, memberId))) {
    throw new BadInputError(field, `Đảng viên mã ${memberId} không sinh hoạt ở chi bộ nào vào ngày ${date}`);
  }
  if (cellId === null || !(await ctx.scope.includesUnit(ctx.em, ctx.today, cellId))) {
    throw new BadInputError(field, `Không có đảng viên mã ${memberId} trong phạm vi của bạn vào ngày ${date}`);
  }
  return cellId;
}

/** True when some membership of the member (any date) lies in the caller's subtrees. */
async function memberSeenInScope(ctx: Context, em: EntityManager, memberId: number): Promise<boolean> {
  const rows = await em.find(MemberAssignmentEntity, { where: { memberId }, select: { unitId: true } });
  for (const r of rows) if (await ctx.scope.includesUnit(ctx.em, ctx.today, r.unitId)) return true;
  return false;
}

/** A unit inside the caller's subtrees (unknown and outside answer alike). */
export async function unitInScope(ctx: Context, em: EntityManager, unitId: number, field: string): Promise<OrgUnitEntity> {
  const unit = await em.findOne(OrgUnitEntity, { where: { id: unitId } });
  if (!unit || !(await ctx.scope.includesUnit(ctx.em, ctx.today, unitId))) {
    throw new BadInputError(field, `Không có đơn vị mã ${unitId} trong phạm vi của bạn`);
  }
  return unit;
}

export interface SubjectArgs {
  subject?: RecordSubject | null;
  memberId?: string | null;
  unitId?: string | null;
}

export interface ResolvedSubject {
  subject: RecordSubject;
  memberId: number | null;
  unitId: number;
}

/**
 * Whom a record is about, with `current` as the base of an update. INDIVIDUAL takes the member and derives the unit
 * (the member's cell on `date`: a unit sent alongside, as the stock client sends back what it read, is ignored);
 * COLLECTIVE takes a party unit or a mass organisation and no member. Without `subject`, a member means INDIVIDUAL.
 */
export async function resolveSubject(
  ctx: Context,
  em: EntityManager,
  args: SubjectArgs,
  current: { subject: RecordSubject; memberId: number | null; unitId: number } | null,
  date: string,
  label: string,
): Promise<ResolvedSubject> {
  const memberArg = args.memberId === undefined ? current?.memberId ?? null : args.memberId === null || args.memberId === '' ? null : parseId('memberId', args.memberId);
  const subject = args.subject ?? (args.memberId !== undefined || !current ? (memberArg !== null ? RecordSubject.INDIVIDUAL : RecordSubject.COLLECTIVE) : current.subject);
  if (subject === RecordSubject.INDIVIDUAL) {
    if (memberArg === null) throw new BadInputError('memberId', `${label} cá nhân cần chọn đảng viên`);
    return { subject, memberId: memberArg, unitId: await memberCellInScope(ctx, em, memberArg, date) };
  }
  if (args.memberId !== undefined && memberArg !== null) {
    throw new BadInputError('memberId', `${label} tập thể không gắn với một đảng viên; bỏ chọn đảng viên hoặc chọn hình thức cá nhân`);
  }
  const unitArg = args.unitId === undefined ? current?.subject === RecordSubject.COLLECTIVE ? current.unitId : null : args.unitId ? parseId('unitId', args.unitId) : null;
  if (unitArg === null) throw new BadInputError('unitId', `${label} tập thể cần chọn đơn vị`);
  await unitInScope(ctx, em, unitArg, 'unitId');
  return { subject, memberId: null, unitId: unitArg };
}

/**
 * Units that may have decided something the caller records on `date`: its subtrees, the units above them today, and
 * the units above them on the record's date, counting the units they were made of (a commune formed in 2025 records
 * a 2017 commendation decided by the district its predecessor stood under then).
 */
async function decidingUnitAllowed(ctx: Context, em: EntityManager, unitId: number, date: string): Promise<boolean> {
  if (await ctx.scope.includesUnit(ctx.em, ctx.today, unitId)) return true;
  const tops = (await ctx.scope.topRootIds(ctx.em, ctx.today)) ?? [];
  const aboveToday = await ancestorIdsOf(em, tops, ctx.today);
  if ([...aboveToday.values()].some((ids) => ids.includes(unitId))) return true;
  if (date === ctx.today) return false;
  const history = [...tops, ...(await lineagePredecessorIds(em, tops, ctx.today))];
  const aboveThen = await ancestorIdsOf(em, history, date);
  return [...aboveThen.values()].some((ids) => ids.includes(unitId));
}

export interface DecidingBody {
  decidingUnitId: number | null;
  decidingBodyName: string | null;
}

/** The deciding body: a unit of ours (inside the caller's subtrees or above them) or an outside body by name, not both. */
export async function resolveDecidingBody(
  ctx: Context,
  em: EntityManager,
  args: { decidingUnitId?: string | null; decidingBodyName?: string | null },
  current: DecidingBody | null,
  required: boolean,
  /** The record's date: the units above the caller are read as of that day. */
  date: string,
): Promise<DecidingBody> {
  const unitId = args.decidingUnitId === undefined ? current?.decidingUnitId ?? null : args.decidingUnitId ? parseId('decidingUnitId', args.decidingUnitId) : null;
  const name = args.decidingBodyName === undefined ? current?.decidingBodyName ?? null : optionalText('decidingBodyName', args.decidingBodyName, 'Tên cơ quan quyết định', BODY_NAME_MAX) ?? null;
  if (unitId !== null && name !== null) {
    throw new BadInputError('decidingBodyName', 'Chọn cơ quan quyết định trong hệ thống hoặc ghi tên cơ quan ngoài hệ thống, không cả hai');
  }
  if (required && unitId === null && name === null) throw new BadInputError('decidingUnitId', 'Chưa có cơ quan quyết định');
  if (unitId !== null) {
    const exists = await em.exists(OrgUnitEntity, { where: { id: unitId } });
    if (!exists || !(await decidingUnitAllowed(ctx, em, unitId, date))) {
      throw new BadInputError('decidingUnitId', `Không có đơn vị mã ${unitId} trong phạm vi của bạn hoặc cấp trên của bạn`);
    }
  }
  return { decidingUnitId: unitId, decidingBodyName: name };
}

/** A decision number: normalised when it reads as a document number ("12 - qd/du" → "12-QĐ/ĐU"), else as typed. */
export function parseDecisionNumber(value: string | null | undefined, field = 'decisionNumber'): string | null | undefined {
  const text = optionalText(field, value, 'Số quyết định', DECISION_NUMBER_MAX);
  if (!text) return text;
  return parseDocumentNumber(text)?.normalized ?? text;
}

/** A plain link id (activity, document): parsed, never joined (those records live in other modules). */
export function parseLink(field: string, value: string | null | undefined, current: number | null): number | null {
  if (value === undefined) return current;
  if (value === null || value === '') return null;
  return parseId(field, value);
}

/** The write check on a record's unit. */
export function requireOn(ctx: Context, capability: Capability, unitId: number, what: string): Promise<void> {
  return ctx.access.require(ctx.em, ctx.today, capability, unitId, what);
}

const memberLoaders = new WeakMap<object, DataLoader<number, MemberEntity | null>>();

/**
 * The member a record names, when the caller may read them today (their current cell is in the caller's
 * subtrees); null otherwise. The record keeps `memberId`; the member's own details stay behind their scope.
 */
export async function readableMember(ctx: Context, memberId: number | null): Promise<MemberEntity | null> {
  if (memberId === null) return null;
  let loader = memberLoaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await ctx.em.find(MemberEntity, { where: { id: In([...ids]) } });
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    });
    memberLoaders.set(ctx.loaders, loader);
  }
  const [member, cell] = await Promise.all([loader.load(memberId), ctx.loaders.cellOf.load(datedKey(memberId, ctx.today))]);
  if (!member) return null;
  if (ctx.scope.isUnrestricted) return member;
  return cell && (await ctx.scope.includesUnit(ctx.em, ctx.today, cell.id)) ? member : null;
}

/** Official memberships valid at some day of [from, to]: SQL for an EXISTS over a member's cells in a period. */
export const MEMBERSHIP_OVERLAPS = (alias: string, from: string, to: string) =>
  `${alias}.kind = 'OFFICIAL' AND ${alias}.validFrom <= ${to} AND (${alias}.validTo IS NULL OR ${alias}.validTo > ${from})`;
