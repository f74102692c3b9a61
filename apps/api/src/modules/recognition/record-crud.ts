/**
 * The list and the writes shared by commendations, discipline and exemplary models: scope by the record's unit,
 * the subject and deciding body rules, MANAGE_ACTIVITIES on the record's unit (the old and the new one on a move),
 * optimistic locking and one audit entry per mutation. Each record type adds its own fields and date.
 */
import { Capability, RecordSubject } from '@dangbo/shared-types';
import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Context } from '../../context';
import { defineList, ListFilter, ListQuery, SearchColumn } from '../../core/list';
import { updateVersioned } from '../../database/versioned-update';
import { BadInputError, staleVersionError } from '../../core/errors';
import { parseDate, parseId } from '../../core/input';
import { runMutation } from '../audit/audit.service';
import { subtreeUnitIds } from '../org-unit/tree.queries';
import { DecidingBody, parseDecisionNumber, parseLink, requireOn, resolveDecidingBody, resolveSubject, SubjectArgs } from './record-subject';

export interface RecordRow extends ObjectLiteral, DecidingBody {
  id: number;
  version: number;
  subject: RecordSubject;
  memberId: number | null;
  unitId: number;
  decisionNumber: string | null;
  activityId?: number | null;
  documentId: number | null;
}

export interface RecordFilter extends ListFilter {
  subject?: RecordSubject;
  unitId?: string;
  memberId?: string;
  activityId?: string;
  documentId?: string;
}

export interface RecordArgs extends SubjectArgs {
  decisionNumber?: string | null;
  decidingUnitId?: string | null;
  decidingBodyName?: string | null;
  activityId?: string | null;
  documentId?: string | null;
}

export interface RecordKind<E extends RecordRow, F extends RecordFilter, C, U> {
  type: new () => E;
  /** GraphQL and audit name: "Commendation". */
  name: string;
  /** Vietnamese noun: "khen thưởng". */
  label: string;
  alias: string;
  search: SearchColumn[];
  filter?: (qb: SelectQueryBuilder<E>, filter: F) => void;
  defaultSort: string;
  /** Whether the record needs a deciding body (discipline and commendations do; a model may not). */
  decidingBodyRequired: boolean;
  hasActivity: boolean;
  /** The record's own fields, parsed and checked; `current` on update. */
  fields(args: C | U, current: E | null, ctx: Context): Partial<E>;
  /** The date the member's cell is read at. */
  dateOf(values: Partial<E>, ctx: Context): string;
}

const memberSearch = (alias: string): SearchColumn => ({ sql: `(SELECT sm.searchText FROM member sm WHERE sm.id = ${alias}.memberId)`, kind: 'folded' });

export function defineRecordList<E extends RecordRow, F extends RecordFilter, C, U>(kind: RecordKind<E, F, C, U>): ListQuery<E, F> {
  const a = kind.alias;
  return defineList<E, F>({
    type: kind.type,
    alias: a,
    label: kind.label,
    scope: { column: `${a}.unitId` },
    search: [...kind.search, { sql: `${a}.decisionNumber`, kind: 'text' }, { sql: `${a}.decidingBodyName`, kind: 'text' }, memberSearch(a)],
    async filter(qb, f, ctx) {
      if (f.subject) qb.andWhere(`${a}.subject = :subject`, { subject: f.subject });
      if (f.unitId) {
        const units = await subtreeUnitIds(ctx.em, [parseId('filter.unitId', f.unitId)], ctx.today);
        qb.andWhere(`${a}.unitId IN (:...filterUnits)`, { filterUnits: units.length ? units : [0] });
      }
      if (f.memberId) qb.andWhere(`${a}.memberId = :memberId`, { memberId: parseId('filter.memberId', f.memberId) });
      if (f.activityId && kind.hasActivity) qb.andWhere(`${a}.activityId = :activityId`, { activityId: parseId('filter.activityId', f.activityId) });
      if (f.documentId) qb.andWhere(`${a}.documentId = :documentId`, { documentId: parseId('filter.documentId', f.documentId) });
      kind.filter?.(qb, f);
    },
    defaultSort: kind.defaultSort,
    defaultOrder: 'DESC',
  });
}

async function commonFields<E extends RecordRow, F extends RecordFilter, C, U>(ctx: Context, em: EntityManager, kind: RecordKind<E, F, C, U>, args: RecordArgs, current: E | null, own: Partial<E>) {
  const date = kind.dateOf({ ...(current ?? {}), ...own } as Partial<E>, ctx);
  const subject = await resolveSubject(ctx, em, args, current, date, capitalise(kind.label));
  const body = await resolveDecidingBody(ctx, em, args, current, kind.decidingBodyRequired, date);
  const decisionNumber = args.decisionNumber === undefined ? current?.decisionNumber ?? null : parseDecisionNumber(args.decisionNumber) ?? null;
  const links: Partial<RecordRow> = { documentId: parseLink('documentId', args.documentId, current?.documentId ?? null) };
  if (kind.hasActivity) links.activityId = parseLink('activityId', args.activityId, current?.activityId ?? null);
  return { ...own, ...subject, ...body, decisionNumber, ...links } as Partial<E>;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function recordWrites<E extends RecordRow, F extends RecordFilter, C extends RecordArgs, U extends RecordArgs & { id: string; version?: number | null }>(
  kind: RecordKind<E, F, C, U>,
  list: ListQuery<E, F>,
) {
  const what = (verb: string) => `${verb} ${kind.label}`;

  async function create(ctx: Context, args: C): Promise<E> {
    const own = kind.fields(args, null, ctx);
    return runMutation(ctx, `create${kind.name}`, async ({ em, audit }) => {
      const values = await commonFields(ctx, em, kind, args, null, own);
      await requireOn(ctx, Capability.MANAGE_ACTIVITIES, values.unitId as number, what('ghi'));
      const saved = await em.save(em.create(kind.type, values as never));
      await audit({ entity: kind.name, entityId: saved.id, before: null, after: values, unitId: saved.unitId });
      return saved;
    });
  }

  async function update(ctx: Context, args: U): Promise<E> {
    const id = parseId('id', args.id);
    return runMutation(ctx, `update${kind.name}`, async ({ em, audit }) => {
      const current = await list.get(ctx, id);
      await requireOn(ctx, Capability.MANAGE_ACTIVITIES, current.unitId, what('sửa'));
      if (args.version != null && args.version !== current.version) throw staleVersionError(capitalise(kind.label));
      const own = kind.fields(args, current, ctx);
      const values = await commonFields(ctx, em, kind, args, current, own);
      if (values.unitId !== current.unitId) await requireOn(ctx, Capability.MANAGE_ACTIVITIES, values.unitId as number, what('ghi'));
      const saved = await updateVersioned(em, kind.type, current, values, capitalise(kind.label));
      await audit({ entity: kind.name, entityId: id, before: current, after: values, unitId: saved.unitId });
      return saved;
    });
  }

  async function remove(ctx: Context, idArg: string): Promise<E> {
    const id = parseId('id', idArg);
    return runMutation(ctx, `delete${kind.name}`, async ({ em, audit }) => {
      const current = await list.get(ctx, id);
      await requireOn(ctx, Capability.MANAGE_ACTIVITIES, current.unitId, what('xóa'));
      await em.delete(kind.type, { id });
      await audit({ entity: kind.name, entityId: id, before: current, after: null, unitId: current.unitId });
      return Object.assign(current, { id });
    });
  }

  return { create, update, remove };
}

/** A date argument: required on create, kept on update when absent. */
export function dateField(field: string, value: string | null | undefined, current: string | null | undefined, label: string): string {
  if (value === undefined || value === null) {
    if (current) return current;
    throw new BadInputError(field, `${label} không được để trống`);
  }
  return parseDate(field, value, label);
}

/** A date on or before today: records are of what happened. */
export function notInFuture(field: string, date: string, ctx: Context, label: string): string {
  if (date > ctx.today) throw new BadInputError(field, `${label} ${date} chưa tới`);
  return date;
}
