/**
 * The lists of the panel that export to .xlsx: for each, its list query (core/list.ts: the same scope, filters and
 * order as the screen), the filter keys the screen may send, and its columns by the field name the screen shows,
 * with Vietnamese headers. Computed fields (a member's cell, a unit's parent and counts) are read through the same
 * field resolvers as the GraphQL type, so an export never shows what the screen would hide.
 */
import type { CellInput, ColumnKind } from '@dangbo/reports';
import { ActivityAudience, ActivityKind, ConferenceKind, PropagandaMedium } from '../activity/activity.entity';
import { Gender, Level, LEVEL_LABELS, MassOrgKind, MemberStatus, OrgUnitKind, SubjectKind } from '@dangbo/shared-types';
import { In, ObjectLiteral } from 'typeorm';
import { Context } from '../../context';
import { ListFilter, ListQuery } from '../../core/list';
import { ActivityEntity } from '../activity/activity.entity';
import { activityList } from '../activity/activity.service';
import { DocumentEntity } from '../document/document.entity';
import { EvaluationEntity } from '../evaluation/evaluation.entity';
import { evaluationList } from '../evaluation/evaluation.service';
import { documentList } from '../document/document.service';
import { MemberEntity } from '../member/member.entity';
import { MemberResolver } from '../member/member.resolver';
import { memberList } from '../member/member.service';
import { OrgUnitEntity } from '../org-unit/org-unit.entity';
import { OrgUnitFieldsResolver } from '../org-unit/org-unit.fields';
import { orgUnitList } from '../org-unit/org-unit.service';

export interface ExportColumn {
  header: string;
  kind?: ColumnKind;
  width?: number;
  /** The value from the row and its computed fields. */
  value: (row: Record<string, unknown>) => CellInput;
}

export interface ExportResource {
  sheet: string;
  fileName: string;
  list: ListQuery<ObjectLiteral & { id: number }, ListFilter>;
  entity: new () => ObjectLiteral;
  /** Filter keys the screen may send; `arrays` take a list of strings. */
  filterKeys: readonly string[];
  arrayKeys?: readonly string[];
  columns: Record<string, ExportColumn>;
  /** Computed fields of a chunk of rows, by field name. */
  computed?: (ctx: Context, rows: ObjectLiteral[], filter: Record<string, unknown>) => Promise<Record<string, unknown>[]>;
}

const label = <T extends string>(labels: Record<T, string>) => (v: unknown) => (v == null ? null : (labels[v as T] ?? String(v)));

const GENDER = label<Gender>({ [Gender.MALE]: 'Nam', [Gender.FEMALE]: 'Nữ' });
const MEMBER_STATUS = label<MemberStatus>({
  [MemberStatus.PROBATIONARY]: 'Dự bị',
  [MemberStatus.OFFICIAL]: 'Chính thức',
  [MemberStatus.EXEMPTED]: 'Miễn sinh hoạt',
  [MemberStatus.SUSPENDED]: 'Đình chỉ sinh hoạt',
  [MemberStatus.TRANSFERRED_OUT]: 'Đã chuyển đi',
  [MemberStatus.DECEASED]: 'Từ trần',
  [MemberStatus.REMOVED]: 'Xóa tên',
});
const UNIT_KIND = label<OrgUnitKind>({
  [OrgUnitKind.PROVINCE_COMMITTEE]: 'Đảng bộ tỉnh',
  [OrgUnitKind.DISTRICT_COMMITTEE]: 'Đảng bộ huyện',
  [OrgUnitKind.COMMUNE_COMMITTEE]: 'Đảng bộ xã',
  [OrgUnitKind.GRASSROOTS_COMMITTEE]: 'Đảng bộ cơ sở',
  [OrgUnitKind.GRASSROOTS_CELL]: 'Chi bộ cơ sở',
  [OrgUnitKind.SUB_COMMITTEE]: 'Đảng bộ bộ phận',
  [OrgUnitKind.CELL]: 'Chi bộ',
  [OrgUnitKind.FRONT]: 'Mặt trận Tổ quốc',
  [OrgUnitKind.MASS_ORG]: 'Đoàn thể',
});
const MASS_ORG = label<MassOrgKind>({
  [MassOrgKind.YOUTH_UNION]: 'Đoàn Thanh niên',
  [MassOrgKind.WOMEN_UNION]: 'Hội Liên hiệp Phụ nữ',
  [MassOrgKind.FARMERS_UNION]: 'Hội Nông dân',
  [MassOrgKind.VETERANS_ASSOCIATION]: 'Hội Cựu chiến binh',
  [MassOrgKind.TRADE_UNION]: 'Công đoàn',
  [MassOrgKind.OTHER]: 'Khác',
});
const ACTIVITY_KIND = label<ActivityKind>({
  [ActivityKind.CONFERENCE]: 'Hội nghị',
  [ActivityKind.CELL_MEETING]: 'Sinh hoạt chi bộ',
  [ActivityKind.SEMINAR]: 'Tọa đàm',
  [ActivityKind.PROPAGANDA]: 'Tuyên truyền',
});
const CONFERENCE_KIND = label<ConferenceKind>({ [ConferenceKind.TRIEN_KHAI]: 'Triển khai', [ConferenceKind.SO_KET]: 'Sơ kết', [ConferenceKind.TONG_KET]: 'Tổng kết' });
const MEDIUM = label<PropagandaMedium>({ [PropagandaMedium.RADIO]: 'Đài truyền thanh', [PropagandaMedium.TV_REPORT]: 'Phóng sự truyền hình', [PropagandaMedium.WEB_COLUMN]: 'Chuyên mục trang thông tin điện tử' });
const AUDIENCE = label<ActivityAudience>({ [ActivityAudience.PARTY_MEMBERS]: 'Đảng viên', [ActivityAudience.MASS_ORGS]: 'Đoàn viên, hội viên', [ActivityAudience.PEOPLE]: 'Nhân dân' });

const LEVEL = label<Level>(Object.fromEntries(Object.values(Level).map((l) => [l, LEVEL_LABELS[l].name])) as Record<Level, string>);
const SUBJECT_KIND = label<SubjectKind>({
  [SubjectKind.COLLECTIVE]: 'Tập thể',
  [SubjectKind.LEADER]: 'Cán bộ lãnh đạo, quản lý',
  [SubjectKind.MEMBER_IN_SYSTEM]: 'Đảng viên trong hệ thống chính trị',
  [SubjectKind.MEMBER_OUTSIDE_SYSTEM]: 'Đảng viên ngoài hệ thống chính trị',
});
const STAGE = label<string>({ PENDING: 'Chưa tự đánh giá', SUBMITTED: 'Đã tự đánh giá', APPRAISED: 'Đã thẩm định', DECIDED: 'Đã quyết định' });

const text = (header: string, field: string, width?: number): ExportColumn => ({ header, width, value: (r) => (r[field] as string | null) ?? null });
const date = (header: string, field: string): ExportColumn => ({ header, kind: 'date', width: 12, value: (r) => (r[field] as string | null) ?? null });
const num = (header: string, field: string): ExportColumn => ({ header, kind: 'number', value: (r) => (r[field] as number | null) ?? null });
const mapped = (header: string, field: string, f: (v: unknown) => string | null, width?: number): ExportColumn => ({ header, width, value: (r) => f(r[field]) });

/** Names of units, one statement per chunk. */
async function unitNames(ctx: Context, ids: (number | null | undefined)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  if (!wanted.length) return new Map();
  const rows = await ctx.em.find(OrgUnitEntity, { where: { id: In(wanted) }, select: { id: true, name: true } });
  return new Map(rows.map((u) => [u.id, u.name]));
}

const memberFields = new MemberResolver();
const unitFields = new OrgUnitFieldsResolver();

export const EXPORTS: Record<string, ExportResource> = {
  members: {
    sheet: 'Đảng viên',
    fileName: 'Danh sách đảng viên',
    list: memberList as never,
    entity: MemberEntity,
    filterKeys: ['ids', 'q', 'unitId', 'status', 'statuses', 'gender', 'asOf'],
    arrayKeys: ['ids', 'statuses'],
    columns: {
      id: num('Mã', 'id'),
      fullName: text('Họ và tên', 'fullName', 28),
      familyName: text('Họ', 'familyName'),
      middleName: text('Tên đệm', 'middleName'),
      givenName: text('Tên', 'givenName'),
      gender: mapped('Giới tính', 'gender', GENDER),
      birthDate: date('Ngày sinh', 'birthDate'),
      citizenId: text('Số CCCD', 'citizenId', 14),
      cardNumber: text('Số thẻ đảng viên', 'cardNumber', 14),
      recordNumber: text('Số lý lịch', 'recordNumber', 12),
      admittedOn: date('Ngày vào Đảng', 'admittedOn'),
      officialOn: date('Ngày chính thức', 'officialOn'),
      partyAgeYears: num('Tuổi đảng', 'partyAgeYears'),
      status: mapped('Trạng thái', 'status', MEMBER_STATUS, 14),
      cellId: text('Chi bộ', 'cellName', 26),
      note: text('Ghi chú', 'note', 30),
    },
    async computed(ctx, rows) {
      const members = rows as MemberEntity[];
      const cells = await Promise.all(members.map((m) => memberFields.cellId(m, ctx)));
      const names = await unitNames(ctx, cells);
      return members.map((m, i) => ({
        cellName: cells[i] ? (names.get(cells[i] as number) ?? null) : null,
        partyAgeYears: memberFields.partyAgeYears(m, ctx),
      }));
    },
  },
  units: {
    sheet: 'Đơn vị',
    fileName: 'Danh sách đơn vị',
    list: orgUnitList as never,
    entity: OrgUnitEntity,
    filterKeys: ['ids', 'q', 'parentId', 'root', 'kind', 'kinds', 'asOf'],
    arrayKeys: ['ids', 'kinds'],
    columns: {
      id: num('Mã', 'id'),
      name: text('Tên đơn vị', 'name', 32),
      shortName: text('Tên viết tắt', 'shortName'),
      kind: mapped('Loại', 'kind', UNIT_KIND, 16),
      massOrgKind: mapped('Loại đoàn thể', 'massOrgKind', MASS_ORG),
      code: text('Mã đơn vị', 'code'),
      parentId: text('Cấp trên trực tiếp', 'parentName', 28),
      childCount: num('Số đơn vị trực thuộc', 'childCount'),
      memberCount: num('Số đảng viên', 'memberCount'),
      validFrom: date('Ngày thành lập', 'validFrom'),
      validTo: date('Ngày kết thúc', 'validTo'),
    },
    async computed(ctx, rows, filter) {
      const asOf = typeof filter.asOf === 'string' ? filter.asOf : ctx.today;
      const units = (rows as OrgUnitEntity[]).map((u) => Object.assign(u, { asOf }));
      const [parents, childCounts, memberCounts, shortNames, codes] = await Promise.all([
        Promise.all(units.map((u) => unitFields.parentId(u, ctx))),
        Promise.all(units.map((u) => unitFields.childCount(u, ctx))),
        Promise.all(units.map((u) => unitFields.memberCount(u, ctx))),
        Promise.all(units.map((u) => unitFields.shortName(u, ctx))),
        Promise.all(units.map((u) => unitFields.code(u, ctx))),
      ]);
      const names = await unitNames(ctx, parents);
      return units.map((_, i) => ({
        parentName: parents[i] ? (names.get(parents[i] as number) ?? null) : null,
        childCount: childCounts[i],
        memberCount: memberCounts[i],
        shortName: shortNames[i],
        code: codes[i],
      }));
    },
  },
  documents: {
    sheet: 'Văn bản',
    fileName: 'Sổ văn bản',
    list: documentList as never,
    entity: DocumentEntity,
    filterKeys: ['ids', 'q', 'unitId', 'typeCode', 'implementsId', 'issuedFrom', 'issuedTo'],
    arrayKeys: ['ids'],
    columns: {
      id: num('Mã', 'id'),
      number: text('Số, ký hiệu', 'number', 16),
      typeName: text('Loại văn bản', 'typeName', 14),
      issuedOn: date('Ngày ban hành', 'issuedOn'),
      issuerName: text('Cơ quan ban hành', 'issuerName', 28),
      term: text('Khóa / nhiệm kỳ', 'term'),
      title: text('Trích yếu', 'title', 60),
      implementsId: text('Triển khai văn bản', 'implementsNumber', 16),
      recipientCount: num('Số nơi nhận', 'recipientCount'),
    },
    async computed(ctx, rows) {
      const docs = rows as DocumentEntity[];
      const parentIds = [...new Set(docs.map((d) => d.implementsId).filter((id): id is number => id !== null))];
      const parents = parentIds.length ? await ctx.em.find(DocumentEntity, { where: { id: In(parentIds) }, select: { id: true, number: true } }) : [];
      const numbers = new Map(parents.map((d) => [d.id, d.number]));
      const counts: { documentId: number; n: string }[] = docs.length
        ? await ctx.em.query(`SELECT documentId, COUNT(*) AS n FROM document_recipient WHERE documentId IN (${docs.map(() => '?').join(',')}) GROUP BY documentId`, docs.map((d) => d.id))
        : [];
      const byDoc = new Map(counts.map((c) => [Number(c.documentId), Number(c.n)]));
      return docs.map((d) => ({ implementsNumber: d.implementsId ? (numbers.get(d.implementsId) ?? null) : null, recipientCount: byDoc.get(d.id) ?? 0 }));
    },
  },
  evaluations: {
    sheet: 'Đánh giá, xếp loại',
    fileName: 'Danh sách đánh giá, xếp loại',
    list: evaluationList as never,
    entity: EvaluationEntity,
    filterKeys: ['ids', 'q', 'unitId', 'periodId', 'decidingUnitId', 'peerGroup', 'level', 'stage', 'status', 'subjectKind', 'memberId'],
    arrayKeys: ['ids'],
    columns: {
      id: num('Mã', 'id'),
      subjectName: text('Đối tượng', 'subjectName', 30),
      subjectKind: mapped('Loại đối tượng', 'subjectKind', SUBJECT_KIND, 26),
      unitId: text('Đơn vị', 'unitName', 26),
      stage: mapped('Bước', 'stage', STAGE, 16),
      total: num('Tổng điểm', 'total'),
      engineLevel: mapped('Mức theo tiêu chí', 'engineLevel', LEVEL, 26),
      proposedLevel: mapped('Mức đề xuất', 'proposedLevel', LEVEL, 26),
      level: mapped('Mức quyết định', 'level', LEVEL, 26),
    },
    async computed(ctx, rows) {
      const evaluations = rows as EvaluationEntity[];
      const names = await unitNames(ctx, evaluations.map((e) => e.unitId));
      return evaluations.map((e) => ({ unitName: names.get(e.unitId) ?? null }));
    },
  },
  activities: {
    sheet: 'Hoạt động',
    fileName: 'Danh sách hoạt động',
    list: activityList as never,
    entity: ActivityEntity,
    filterKeys: ['ids', 'q', 'unitId', 'kind', 'conferenceKind', 'medium', 'documentId', 'heldFrom', 'heldTo'],
    arrayKeys: ['ids'],
    columns: {
      id: num('Mã', 'id'),
      heldOn: date('Ngày tổ chức', 'heldOn'),
      title: text('Tên hoạt động', 'title', 50),
      kind: mapped('Loại', 'kind', ACTIVITY_KIND, 16),
      conferenceKind: mapped('Loại hội nghị', 'conferenceKind', CONFERENCE_KIND),
      medium: mapped('Hình thức tuyên truyền', 'medium', MEDIUM, 20),
      unitId: text('Đơn vị tổ chức', 'unitName', 28),
      audience: mapped('Đối tượng', 'audience', AUDIENCE, 18),
      note: text('Ghi chú', 'note', 30),
    },
    async computed(ctx, rows) {
      const acts = rows as ActivityEntity[];
      const names = await unitNames(ctx, acts.map((a) => a.unitId));
      return acts.map((a) => ({ unitName: names.get(a.unitId) ?? null }));
    },
  },
};
