/**
 * Inspections and supervision. The record belongs to its subject (the subject unit, else the member's cell on the
 * start date) and is read within the caller's subtrees; writes need MANAGE_ACTIVITIES there. The inspecting body
 * is a party committee at or above the subject on the start date; only a committee has an inspection committee.
 */
import { Capability, InspectingBody, NON_PARTY_KINDS, OrgUnitKind } from '@dangbo/shared-types';
import { EntityManager } from 'typeorm';
import { Context } from '../../context';
import { defineList } from '../../core/list';
import { updateVersioned } from '../../database/versioned-update';
import { BadInputError, staleVersionError } from '../../core/errors';
import { longText, parseDate, parseId, requiredText } from '../../core/input';
import { PageArgs } from '../../graphql/list-args';
import { runMutation } from '../audit/audit.service';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { subtreeUnitIds } from '../org-unit/tree.queries';
import { memberCellInScope, parseLink, requireOn, unitInScope } from '../recognition/record-subject';
import { INSPECTION_TEXT_MAX, InspectionEntity } from './inspection.entity';
import { CreateInspectionArgs, InspectionFilter, UpdateInspectionArgs } from './inspection.input';

/** Units with an inspection committee (Ủy ban Kiểm tra): committees, not cells or sub-committees. */
const WITH_INSPECTION_COMMITTEE: readonly OrgUnitKind[] = [
  OrgUnitKind.PROVINCE_COMMITTEE,
  OrgUnitKind.DISTRICT_COMMITTEE,
  OrgUnitKind.COMMUNE_COMMITTEE,
  OrgUnitKind.GRASSROOTS_COMMITTEE,
];

export const inspectionList = defineList<InspectionEntity, InspectionFilter>({
  type: InspectionEntity,
  alias: 'ins',
  label: 'cuộc kiểm tra, giám sát',
  scope: { column: 'ins.unitId' },
  search: [
    { sql: 'ins.topic', kind: 'text' },
    { sql: '(SELECT sm.searchText FROM member sm WHERE sm.id = ins.subjectMemberId)', kind: 'folded' },
    { sql: '(SELECT su.searchText FROM org_unit su WHERE su.id = ins.subjectUnitId)', kind: 'folded' },
  ],
  async filter(qb, f, ctx) {
    if (f.kind) qb.andWhere('ins.kind = :kind', { kind: f.kind });
    if (f.inspectingUnitId) qb.andWhere('ins.inspectingUnitId = :iu', { iu: parseId('filter.inspectingUnitId', f.inspectingUnitId) });
    if (f.inspectingBody) qb.andWhere('ins.inspectingBody = :body', { body: f.inspectingBody });
    if (f.subjectUnitId) qb.andWhere('ins.subjectUnitId = :su', { su: parseId('filter.subjectUnitId', f.subjectUnitId) });
    if (f.subjectMemberId) qb.andWhere('ins.subjectMemberId = :sm', { sm: parseId('filter.subjectMemberId', f.subjectMemberId) });
    if (f.documentId) qb.andWhere('ins.documentId = :doc', { doc: parseId('filter.documentId', f.documentId) });
    if (f.unitId) {
      const units = await subtreeUnitIds(ctx.em, [parseId('filter.unitId', f.unitId)], ctx.today);
      qb.andWhere('ins.unitId IN (:...insUnits)', { insUnits: units.length ? units : [0] });
    }
    if (f.from) qb.andWhere('ins.startOn >= :from', { from: parseDate('filter.from', f.from) });
    if (f.to) qb.andWhere('ins.startOn <= :to', { to: parseDate('filter.to', f.to) });
  },
  defaultSort: 'startOn',
  defaultOrder: 'DESC',
});

export const listInspections = (ctx: Context, args: PageArgs, f?: InspectionFilter) => inspectionList.list(ctx, args, f);
export const countInspections = (ctx: Context, f?: InspectionFilter) => inspectionList.count(ctx, f);

type Values = Omit<InspectionEntity, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

const pick = <T>(value: T | null | undefined, current: T | undefined): T | undefined => (value === undefined || value === null ? current : value);

/** Every field checked, with `current` as the base of an update; refusals name their field. */
async function valuesOf(ctx: Context, em: EntityManager, args: CreateInspectionArgs | UpdateInspectionArgs, current: InspectionEntity | null): Promise<Values> {
  const kind = pick(args.kind, current?.kind);
  if (!kind) throw new BadInputError('kind', 'Chưa chọn kiểm tra hay giám sát');
  const inspectingBody = pick(args.inspectingBody, current?.inspectingBody);
  if (!inspectingBody) throw new BadInputError('inspectingBody', 'Chưa chọn cấp ủy hay Ủy ban Kiểm tra tiến hành');
  const topic = args.topic == null && current ? current.topic : requiredText('topic', args.topic ?? '', 'Nội dung kiểm tra', 500);
  const startOn = args.startOn == null && current ? current.startOn : parseDate('startOn', args.startOn ?? '', 'Ngày bắt đầu');
  if (startOn > ctx.today) throw new BadInputError('startOn', `Ngày bắt đầu ${startOn} chưa tới`);
  const endOn = args.endOn === undefined ? current?.endOn ?? null : args.endOn ? parseDate('endOn', args.endOn, 'Ngày kết thúc') : null;
  if (endOn && endOn < startOn) throw new BadInputError('endOn', `Ngày kết thúc ${endOn} trước ngày bắt đầu ${startOn}`);
  const findings = args.findings === undefined ? current?.findings ?? null : longText('findings', args.findings, 'Kết quả kiểm tra', INSPECTION_TEXT_MAX) ?? null;
  const conclusion = args.conclusion === undefined ? current?.conclusion ?? null : longText('conclusion', args.conclusion, 'Kết luận', INSPECTION_TEXT_MAX) ?? null;
  const documentId = parseLink('documentId', args.documentId, current?.documentId ?? null);

  const subjectUnitId = args.subjectUnitId === undefined ? current?.subjectUnitId ?? null : args.subjectUnitId ? parseId('subjectUnitId', args.subjectUnitId) : null;
  const subjectMemberId = args.subjectMemberId === undefined ? current?.subjectMemberId ?? null : args.subjectMemberId ? parseId('subjectMemberId', args.subjectMemberId) : null;
  if (subjectUnitId === null && subjectMemberId === null) throw new BadInputError('subjectUnitId', 'Chọn tổ chức đảng hoặc đảng viên được kiểm tra');
  if (subjectUnitId !== null) await unitInScope(ctx, em, subjectUnitId, 'subjectUnitId');
  const memberCell = subjectMemberId === null ? null : await memberCellInScope(ctx, em, subjectMemberId, startOn, 'subjectMemberId');
  if (subjectUnitId !== null && memberCell !== null && !(await subtreeUnitIds(em, [subjectUnitId], startOn)).includes(memberCell)) {
    throw new BadInputError('subjectMemberId', `Đảng viên được kiểm tra không sinh hoạt trong tổ chức được kiểm tra vào ngày ${startOn}`);
  }
  const unitId = subjectUnitId ?? (memberCell as number);

  const inspectingUnitId = args.inspectingUnitId == null && current ? current.inspectingUnitId : parseId('inspectingUnitId', args.inspectingUnitId ?? '');
  const inspecting = await em.findOne(OrgUnitEntity, { where: { id: inspectingUnitId } });
  // The inspecting body stands at or above the subject on the start date, so it is inside or above the caller's scope.
  if (!inspecting || !(await subtreeUnitIds(em, [inspectingUnitId], startOn)).includes(unitId)) {
    throw new BadInputError('inspectingUnitId', `Đơn vị mã ${inspectingUnitId} không phải tổ chức đảng cấp trên (hoặc chính) của đối tượng được kiểm tra vào ngày ${startOn}`);
  }
  if (NON_PARTY_KINDS.includes(inspecting.kind)) throw new BadInputError('inspectingUnitId', `"${inspecting.name}" không phải tổ chức đảng`);
  if (inspectingBody === InspectingBody.INSPECTION_COMMITTEE && !WITH_INSPECTION_COMMITTEE.includes(inspecting.kind)) {
    throw new BadInputError('inspectingBody', `"${inspecting.name}" không có Ủy ban Kiểm tra; chọn cấp ủy tiến hành`);
  }
  return { kind, inspectingUnitId, inspectingBody, subjectUnitId, subjectMemberId, unitId, topic, startOn, endOn, findings, conclusion, documentId };
}

export async function createInspection(ctx: Context, args: CreateInspectionArgs): Promise<InspectionEntity> {
  return runMutation(ctx, 'createInspection', async ({ em, audit }) => {
    const values = await valuesOf(ctx, em, args, null);
    await requireOn(ctx, Capability.MANAGE_ACTIVITIES, values.unitId, 'ghi cuộc kiểm tra, giám sát');
    const saved = await em.save(em.create(InspectionEntity, values));
    await audit({ entity: 'Inspection', entityId: saved.id, before: null, after: values, unitId: values.unitId });
    return saved;
  });
}

export async function updateInspection(ctx: Context, args: UpdateInspectionArgs): Promise<InspectionEntity> {
  const id = parseId('id', args.id);
  return runMutation(ctx, 'updateInspection', async ({ em, audit }) => {
    const current = await inspectionList.get(ctx, id);
    await requireOn(ctx, Capability.MANAGE_ACTIVITIES, current.unitId, 'sửa cuộc kiểm tra, giám sát');
    if (args.version != null && args.version !== current.version) throw staleVersionError('Cuộc kiểm tra');
    const values = await valuesOf(ctx, em, args, current);
    if (values.unitId !== current.unitId) await requireOn(ctx, Capability.MANAGE_ACTIVITIES, values.unitId, 'ghi cuộc kiểm tra, giám sát');
    const saved = await updateVersioned(em, InspectionEntity, current, values, 'Cuộc kiểm tra');
    await audit({ entity: 'Inspection', entityId: id, before: current, after: values, unitId: values.unitId });
    return saved;
  });
}
