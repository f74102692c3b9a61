/**
 * Outreach: how many mass-organisation members (or people) an activity or a period's work reached, against the
 * head-count snapshot in force at the period's end (the latest taken on or before it), never above it. The snapshot
 * is copied onto the row so a rate stays what it was when a newer head count is entered later.
 */
import { MassOrgKind, OrgUnitKind } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { BadInputError, staleVersionError } from '../../core/errors';
import { optionalText, parseDate, parseId, parseOptionalId } from '../../core/input';
import { PageArgs } from '../../graphql/list-args';
import { defineList } from '../../core/list';
import { updateVersioned } from '../../database/versioned-update';
import { runMutation } from '../audit/audit.service';
import { requireManage, unitInScope } from '../document/unit-refs';
import { HeadCountEntity, HeadCountKind } from '../org-unit/org-unit.entity';
import { ActivityAudience, OutreachEntity } from './activity.entity';
import { CreateOutreachArgs, OutreachFilter, UpdateOutreachArgs } from './activity.input';
import { activityList } from './activity.service';

const ENTITY = 'kết quả triển khai';

export const outreachList = defineList<OutreachEntity, OutreachFilter>({
  type: OutreachEntity,
  alias: 'o',
  label: ENTITY,
  scope: { column: 'o.unitId' },
  search: [{ sql: 'o.note', kind: 'text' }],
  filter(qb, f) {
    if (f.activityId) qb.andWhere('o.activityId = :activityId', { activityId: parseId('filter.activityId', f.activityId) });
    if (f.unitId) qb.andWhere('o.unitId = :unitId', { unitId: parseId('filter.unitId', f.unitId) });
    if (f.audience) qb.andWhere('o.audience = :audience', { audience: f.audience });
    if (f.from) qb.andWhere('o.periodTo >= :from', { from: parseDate('filter.from', f.from) });
    if (f.to) qb.andWhere('o.periodFrom <= :to', { to: parseDate('filter.to', f.to) });
  },
  sorts: { rate: 'o.reachedCount / NULLIF(o.headCount, 0)' },
  defaultSort: 'periodTo',
  defaultOrder: 'DESC',
});

export const listOutreach = (ctx: Context, args: PageArgs, f?: OutreachFilter) => outreachList.list(ctx, args, f);
export const countOutreach = (ctx: Context, f?: OutreachFilter) => outreachList.count(ctx, f);
export const getOutreach = (ctx: Context, id: number) => outreachList.get(ctx, id);

type Draft = Omit<OutreachEntity, 'id' | 'version'>;

const KIND_OF: Partial<Record<ActivityAudience, HeadCountKind>> = {
  [ActivityAudience.MASS_ORGS]: HeadCountKind.MEMBERS,
  [ActivityAudience.PEOPLE]: HeadCountKind.PEOPLE,
};

async function buildDraft(ctx: Context, em: EntityManager, current: OutreachEntity | null, args: Partial<CreateOutreachArgs>): Promise<Draft> {
  const audience = args.audience ?? current?.audience;
  const kind = audience ? KIND_OF[audience] : undefined;
  if (!audience || !kind) throw new BadInputError('audience', 'Kết quả triển khai là đến đoàn viên, hội viên (MASS_ORGS) hoặc nhân dân (PEOPLE)');
  const unitId = args.unitId != null ? parseId('unitId', args.unitId) : current?.unitId;
  if (!unitId) throw new BadInputError('unitId', 'Hãy chọn đoàn thể hoặc đơn vị');
  const unit = await unitInScope(ctx, em, 'unitId', unitId);
  if (audience === ActivityAudience.MASS_ORGS && unit.kind !== OrgUnitKind.MASS_ORG && unit.kind !== OrgUnitKind.FRONT) {
    throw new BadInputError('unitId', `"${unit.name}" không phải Mặt trận hay đoàn thể`);
  }

  const activityId = args.activityId === undefined ? (current?.activityId ?? null) : (parseOptionalId('activityId', args.activityId) ?? null);
  let periodFrom = args.periodFrom === undefined ? current?.periodFrom : args.periodFrom && parseDate('periodFrom', args.periodFrom, 'Từ ngày');
  let periodTo = args.periodTo === undefined ? current?.periodTo : args.periodTo && parseDate('periodTo', args.periodTo, 'Đến ngày');
  if (activityId !== null) {
    const activity = await activityList.find(ctx, activityId);
    if (!activity) throw new BadInputError('activityId', `Không có hoạt động mã ${activityId} trong phạm vi của bạn`);
    if (activity.audience === ActivityAudience.PARTY_MEMBERS) {
      throw new BadInputError('activityId', `"${activity.title}" là hoạt động của đảng viên; kết quả triển khai gắn với hoạt động của Mặt trận, đoàn thể`);
    }
    periodFrom ||= activity.heldOn;
    periodTo ||= activity.heldOn;
  }
  if (!periodFrom) throw new BadInputError('periodFrom', 'Hãy nhập thời gian triển khai (từ ngày)');
  if (!periodTo) throw new BadInputError('periodTo', 'Hãy nhập thời gian triển khai (đến ngày)');
  if (periodTo < periodFrom) throw new BadInputError('periodTo', 'Ngày kết thúc phải từ ngày bắt đầu trở đi');

  const snapshot = await em
    .createQueryBuilder(HeadCountEntity, 'h')
    .where('h.unitId = :unitId AND h.kind = :kind AND h.asOf <= :at', { unitId, kind, at: periodTo })
    .orderBy('h.asOf', 'DESC')
    .addOrderBy('h.id', 'DESC')
    .getOne();
  const what = kind === HeadCountKind.PEOPLE ? 'số nhân dân' : unit.massOrgKind === MassOrgKind.YOUTH_UNION ? 'số đoàn viên' : 'số hội viên';
  if (!snapshot) throw new BadInputError('unitId', `"${unit.name}" chưa có ${what} tính đến ngày ${periodTo}; hãy nhập số liệu trước`);

  const reachedCount = args.reachedCount ?? current?.reachedCount;
  if (reachedCount === undefined || !Number.isInteger(reachedCount) || reachedCount < 0) {
    throw new BadInputError('reachedCount', 'Số người được triển khai phải là số nguyên không âm');
  }
  if (reachedCount > snapshot.count) {
    throw new BadInputError('reachedCount', `Số được triển khai (${reachedCount}) vượt ${what} của "${unit.name}" (${snapshot.count}, số liệu ngày ${snapshot.asOf})`, {
      max: snapshot.count,
    });
  }
  const note = args.note === undefined ? (current?.note ?? null) : (optionalText('note', args.note, 'Ghi chú', 1000) ?? null);
  return { activityId, unitId, audience, periodFrom, periodTo, reachedCount, headCount: snapshot.count, headCountAsOf: snapshot.asOf, note };
}

export async function createOutreach(ctx: Context, args: CreateOutreachArgs): Promise<OutreachEntity> {
  return runMutation(ctx, 'createOutreach', async ({ em, audit }) => {
    const draft = await buildDraft(ctx, em, null, args);
    await requireManage(ctx, draft.unitId, 'ghi kết quả triển khai');
    const row = em.create(OutreachEntity, draft);
    await em.save(row);
    await audit({ entity: 'Outreach', entityId: row.id, before: null, after: draft, unitId: draft.unitId });
    return row;
  });
}

export async function updateOutreach(ctx: Context, args: UpdateOutreachArgs): Promise<OutreachEntity> {
  const id = parseId('id', args.id);
  return runMutation(ctx, 'updateOutreach', async ({ em, audit }) => {
    const row = await getOutreach(ctx, id);
    await requireManage(ctx, row.unitId, 'sửa kết quả triển khai');
    if (args.version != null && args.version !== row.version) throw staleVersionError('Kết quả triển khai');
    const draft = await buildDraft(ctx, em, row, args);
    if (draft.unitId !== row.unitId) await requireManage(ctx, draft.unitId, 'ghi kết quả triển khai');
    const saved = await updateVersioned(em, OutreachEntity, row, draft, 'Kết quả triển khai');
    await audit({ entity: 'Outreach', entityId: id, before: row, after: draft, unitId: draft.unitId });
    return saved;
  });
}

export async function deleteOutreach(ctx: Context, idArg: string): Promise<OutreachEntity> {
  const id = parseId('id', idArg);
  return runMutation(ctx, 'deleteOutreach', async ({ em, audit }) => {
    const row = await getOutreach(ctx, id);
    await requireManage(ctx, row.unitId, 'xóa kết quả triển khai');
    await em.delete(OutreachEntity, { id });
    await audit({ entity: 'Outreach', entityId: id, before: row, after: null, unitId: row.unitId });
    row.id = id;
    return row;
  });
}
