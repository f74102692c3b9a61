/** Follow-up actions of an inspection: read and written with their inspection (its unit, its scope). */
import { Capability } from '@dangbo/shared-types';
import { Context } from '../../context';
import { defineList } from '../../core/list';
import { updateVersioned } from '../../database/versioned-update';
import { BadInputError, staleVersionError } from '../../core/errors';
import { parseDate, parseId, requiredText } from '../../core/input';
import { PageArgs } from '../../graphql/list-args';
import { runMutation } from '../audit/audit.service';
import { requireOn } from '../recognition/record-subject';
import { InspectionActionEntity, InspectionEntity } from './inspection.entity';
import { CreateInspectionActionArgs, InspectionActionFilter, UpdateInspectionActionArgs } from './inspection.input';
import { inspectionList } from './inspection.service';

/** The status as SQL, for sorting and filtering (the field computes the same from `inspectionActionStatus`). */
const STATUS_SQL = `CASE WHEN ia.doneOn IS NOT NULL THEN 'DONE' WHEN ia.deadline < :statusToday THEN 'OVERDUE' ELSE 'OPEN' END`;

export const actionList = defineList<InspectionActionEntity, InspectionActionFilter>({
  type: InspectionActionEntity,
  alias: 'ia',
  label: 'việc sau kiểm tra',
  from: (ctx) => ctx.em.createQueryBuilder(InspectionActionEntity, 'ia').innerJoin(InspectionEntity, 'iai', 'iai.id = ia.inspectionId'),
  scope: { column: 'iai.unitId' },
  search: [{ sql: 'ia.action', kind: 'text' }],
  filter(qb, f, ctx) {
    if (f.inspectionId) qb.andWhere('ia.inspectionId = :inspectionId', { inspectionId: parseId('filter.inspectionId', f.inspectionId) });
    if (f.status) qb.andWhere(`${STATUS_SQL} = :status`, { status: f.status, statusToday: ctx.today });
  },
  sorts: { status: (ctx) => ({ sql: STATUS_SQL, params: { statusToday: ctx.today }, text: true }) },
  defaultSort: 'deadline',
});

export const listActions = (ctx: Context, args: PageArgs, f?: InspectionActionFilter) => actionList.list(ctx, args, f);
export const countActions = (ctx: Context, f?: InspectionActionFilter) => actionList.count(ctx, f);

function datesOf(ctx: Context, inspection: InspectionEntity, deadline: string | null, doneOn: string | null) {
  if (deadline && deadline < inspection.startOn) throw new BadInputError('deadline', `Hạn ${deadline} trước ngày bắt đầu kiểm tra ${inspection.startOn}`);
  if (doneOn && (doneOn < inspection.startOn || doneOn > ctx.today)) throw new BadInputError('doneOn', `Ngày hoàn thành phải từ ${inspection.startOn} đến hôm nay`);
}

const optionalDate = (field: string, value: string | null | undefined, current: string | null, label: string) =>
  value === undefined ? current : value ? parseDate(field, value, label) : null;

export async function createAction(ctx: Context, args: CreateInspectionActionArgs): Promise<InspectionActionEntity> {
  const inspectionId = parseId('inspectionId', args.inspectionId);
  const action = requiredText('action', args.action, 'Nội dung việc phải làm', 1000);
  const deadline = optionalDate('deadline', args.deadline, null, 'Hạn');
  const doneOn = optionalDate('doneOn', args.doneOn, null, 'Ngày hoàn thành');
  return runMutation(ctx, 'createInspectionAction', async ({ em, audit }) => {
    const inspection = await inspectionList.find(ctx, inspectionId);
    if (!inspection) throw new BadInputError('inspectionId', `Không có cuộc kiểm tra mã ${inspectionId} trong phạm vi của bạn`);
    await requireOn(ctx, Capability.MANAGE_ACTIVITIES, inspection.unitId, 'ghi việc sau kiểm tra');
    datesOf(ctx, inspection, deadline, doneOn);
    const values = { inspectionId, action, deadline, doneOn };
    const saved = await em.save(em.create(InspectionActionEntity, values));
    await audit({ entity: 'InspectionAction', entityId: saved.id, before: null, after: values, unitId: inspection.unitId });
    return saved;
  });
}

export async function updateAction(ctx: Context, args: UpdateInspectionActionArgs): Promise<InspectionActionEntity> {
  const id = parseId('id', args.id);
  return runMutation(ctx, 'updateInspectionAction', async ({ em, audit }) => {
    const current = await actionList.get(ctx, id);
    const inspection = await inspectionList.get(ctx, current.inspectionId);
    await requireOn(ctx, Capability.MANAGE_ACTIVITIES, inspection.unitId, 'sửa việc sau kiểm tra');
    if (args.version != null && args.version !== current.version) throw staleVersionError('Việc sau kiểm tra');
    const values = {
      action: args.action == null ? current.action : requiredText('action', args.action, 'Nội dung việc phải làm', 1000),
      deadline: optionalDate('deadline', args.deadline, current.deadline, 'Hạn'),
      doneOn: optionalDate('doneOn', args.doneOn, current.doneOn, 'Ngày hoàn thành'),
    };
    datesOf(ctx, inspection, values.deadline, values.doneOn);
    const saved = await updateVersioned(em, InspectionActionEntity, current, values, 'Việc sau kiểm tra');
    await audit({ entity: 'InspectionAction', entityId: id, before: current, after: values, unitId: inspection.unitId });
    return saved;
  });
}

export async function deleteAction(ctx: Context, idArg: string): Promise<InspectionActionEntity> {
  const id = parseId('id', idArg);
  return runMutation(ctx, 'deleteInspectionAction', async ({ em, audit }) => {
    const current = await actionList.get(ctx, id);
    const inspection = await inspectionList.get(ctx, current.inspectionId);
    await requireOn(ctx, Capability.MANAGE_ACTIVITIES, inspection.unitId, 'xóa việc sau kiểm tra');
    await em.delete(InspectionActionEntity, { id });
    await audit({ entity: 'InspectionAction', entityId: id, before: current, after: null, unitId: inspection.unitId });
    return Object.assign(current, { id });
  });
}

/** An inspection goes with its follow-up actions (kept in the audit entry's before). */
export async function deleteInspection(ctx: Context, idArg: string): Promise<InspectionEntity> {
  const id = parseId('id', idArg);
  return runMutation(ctx, 'deleteInspection', async ({ em, audit }) => {
    const current = await inspectionList.get(ctx, id);
    await requireOn(ctx, Capability.MANAGE_ACTIVITIES, current.unitId, 'xóa cuộc kiểm tra, giám sát');
    const actions = await em.find(InspectionActionEntity, { where: { inspectionId: id } });
    await em.delete(InspectionActionEntity, { inspectionId: id });
    await em.delete(InspectionEntity, { id });
    await audit({ entity: 'Inspection', entityId: id, before: { ...current, actions }, after: null, unitId: current.unitId });
    return Object.assign(current, { id });
  });
}
