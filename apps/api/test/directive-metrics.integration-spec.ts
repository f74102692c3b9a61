/**
 * Rating metrics (memberMetrics, unitMetrics) against a small fixture whose figures are computed by hand below.
 *
 * Commune 901 with cells A (902) and B (903); 2024; cell A meets on the 10th, cell B on the 15th of each month.
 *   An (9001) is in A until 2024-07-01, then in B. Present at A Jan–May, absent in June; present at B Jul–Dec.
 *     A stray "present" mark on A's July meeting (no longer his cell) must count for nobody.
 *     → 12 meetings expected, 11 attended = 91,67%. Study 2024: 9 months, 2 generic (Feb, Aug), 1 not reviewed.
 *     Commended 2024-05-10 (and 2023-12-01, outside the period).
 *   Bình (9002) is in A all year, present at all 12. No study registration.
 *   Chi (9003) is in B all year: absent in February, no mark in December (counts as not attending) → 10/12.
 *     Study: 12 months, none generic. Khiển trách 2024-03-01 and cảnh cáo 2024-09-01 → discipline_level 2.
 *   Cell A: expected Jan–Jun 2 × 6 + Jul–Dec 1 × 6 = 18, present 5 + 12 = 17 → 94,44%. At the year's end only Bình
 *     is in A → study 0 registered. Commendations: An's (kept with A) + a collective one = 2. Collective khiển
 *     trách 2024-08-08 → 1.
 *   Cell B: expected 6 + 12 = 18, present 10 + 6 = 16 → 88,89%. At the year's end An and Chi → 2 registered,
 *     21 months, 2 generic. Chi's individual discipline is not the cell's: 0.
 *   Commune 901: 24 meetings, 33 of 36 → 91,67%; study 2 / 21 / 2; commendations 2; discipline 1.
 */
import { Gender, MembershipKind, MemberStatus, OrgUnitKind, RecordSubject } from '@dangbo/shared-types';
import { foldForSearch, vietnameseSortKey } from '@dangbo/vn';
import { ActivityAudience, ActivityEntity, ActivityKind, AttendanceEntity } from '../src/modules/activity/activity.entity';
import { MemberAssignmentEntity, MemberEntity } from '../src/modules/member/member.entity';
import { buildMemberDraft, derivedColumns } from '../src/modules/member/member.rules';
import { OrgUnitEntity, OrgUnitLinkEntity } from '../src/modules/org-unit/org-unit.entity';
import { CommendationEntity, DisciplineEntity } from '../src/modules/recognition/recognition.entity';
import { StudyEntryEntity, StudyRegistrationEntity } from '../src/modules/study/study.entity';
import { UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
const COMMUNE = 901;
const A = 902;
const B = 903;
const AN = 9001;
const BINH = 9002;
const CHI = 9003;
const YEAR = { from: '2024-01-01', to: '2024-12-31' };
const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const day = (m: number, d: number) => `2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const meetingOf = (cell: number, m: number) => (cell === A ? 90000 : 90100) + m;

async function fixture(): Promise<void> {
  await api.dataSource.transaction(async (em) => {
    const unit = (id: number, kind: OrgUnitKind, name: string) => ({ id, kind, massOrgKind: null, name, shortName: null, code: null, searchText: foldForSearch(name), sortKey: vietnameseSortKey(name), validFrom: '2000-01-01', validTo: null });
    await em.insert(OrgUnitEntity, [unit(COMMUNE, OrgUnitKind.COMMUNE_COMMITTEE, 'Đảng bộ xã Thử Nghiệm'), unit(A, OrgUnitKind.CELL, 'Chi bộ ấp A'), unit(B, OrgUnitKind.CELL, 'Chi bộ ấp B')]);
    await em.insert(OrgUnitLinkEntity, [
      { unitId: COMMUNE, parentId: UNIT.DISTRICT_GIONG_TROM, validFrom: '2000-01-01', validTo: null },
      { unitId: A, parentId: COMMUNE, validFrom: '2000-01-01', validTo: null },
      { unitId: B, parentId: COMMUNE, validFrom: '2000-01-01', validTo: null },
    ]);
    const person = (id: number, fullName: string) => {
      const draft = buildMemberDraft(null, { fullName, gender: Gender.MALE, birthDate: '1980-01-01', admittedOn: '2005-01-01', officialOn: '2006-01-01', status: MemberStatus.OFFICIAL }, '2099-12-31');
      return { id, ...draft, ...derivedColumns(draft) };
    };
    await em.insert(MemberEntity, [person(AN, 'Trần Văn An'), person(BINH, 'Lê Văn Bình'), person(CHI, 'Phạm Văn Chi')]);
    const member = (memberId: number, unitId: number, validFrom: string, validTo: string | null) => ({ memberId, unitId, kind: MembershipKind.OFFICIAL, validFrom, validTo, note: null });
    await em.insert(MemberAssignmentEntity, [member(AN, A, '2006-01-01', '2024-07-01'), member(AN, B, '2024-07-01', null), member(BINH, A, '2006-01-01', null), member(CHI, B, '2006-01-01', null)]);

    const meeting = (cell: number, m: number) => ({
      id: meetingOf(cell, m), kind: ActivityKind.CELL_MEETING, conferenceKind: null, medium: null, subjectMemberId: null, subjectUnitId: null,
      unitId: cell, heldOn: day(m, cell === A ? 10 : 15), title: `Sinh hoạt tháng ${m}`, audience: ActivityAudience.PARTY_MEMBERS, note: null,
    });
    await em.insert(ActivityEntity, months.flatMap((m) => [meeting(A, m), meeting(B, m)]));
    const mark = (cell: number, m: number, memberId: number, present: boolean) => ({ activityId: meetingOf(cell, m), memberId, present, absenceReason: present ? null : 'Ốm' });
    await em.insert(AttendanceEntity, [
      ...months.filter((m) => m <= 6).map((m) => mark(A, m, AN, m !== 6)),
      mark(A, 7, AN, true), // stray: An is in B by then
      ...months.filter((m) => m >= 7).map((m) => mark(B, m, AN, true)),
      ...months.map((m) => mark(A, m, BINH, true)),
      ...months.filter((m) => m !== 12).map((m) => mark(B, m, CHI, m !== 2)),
    ]);

    await em.insert(StudyRegistrationEntity, [
      { id: 9901, memberId: AN, year: 2024, commitment: 'Gương mẫu' },
      { id: 9903, memberId: CHI, year: 2024, commitment: 'Tận tụy' },
    ]);
    const entry = (registrationId: number, month: number, specificity: string | null) => ({ registrationId, month, content: 'Việc đã làm', specificity, outcome: null, reviewedById: null, reviewedBy: null, reviewedOn: null });
    await em.insert(StudyEntryEntity, [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((m) => entry(9901, m, m === 2 || m === 8 ? 'GENERIC' : m === 9 ? null : 'SPECIFIC')),
      ...months.map((m) => entry(9903, m, 'SPECIFIC')),
    ] as never);

    const record = { decisionNumber: null, decidingUnitId: COMMUNE, decidingBodyName: null, activityId: null, documentId: null };
    await em.insert(CommendationEntity, [
      { ...record, subject: RecordSubject.INDIVIDUAL, memberId: AN, unitId: A, decidedOn: '2024-05-10', form: 'GIAY_KHEN', achievement: null },
      { ...record, subject: RecordSubject.INDIVIDUAL, memberId: AN, unitId: A, decidedOn: '2023-12-01', form: 'GIAY_KHEN', achievement: null },
      { ...record, subject: RecordSubject.COLLECTIVE, memberId: null, unitId: A, decidedOn: '2024-11-11', form: 'GIAY_KHEN', achievement: null },
    ] as never);
    await em.insert(DisciplineEntity, [
      { ...record, subject: RecordSubject.INDIVIDUAL, memberId: CHI, unitId: B, decidedOn: '2024-03-01', level: 'KHIEN_TRACH', violation: 'Vi phạm' },
      { ...record, subject: RecordSubject.INDIVIDUAL, memberId: CHI, unitId: B, decidedOn: '2024-09-01', level: 'CANH_CAO', violation: 'Vi phạm' },
      { ...record, subject: RecordSubject.COLLECTIVE, memberId: null, unitId: A, decidedOn: '2024-08-08', level: 'KHIEN_TRACH', violation: 'Vi phạm' },
    ] as never);
  });
}

const FIELDS = `subjectKind subjectId attendance_rate meetings_held meetingsAttended meetingsExpected study_registered study_months_reported
  study_generic_count commendations discipline_level memberCount values { name value }`;
const ofMember = async (id: number, period = YEAR, token?: string) =>
  api.gql(`query($id: ID!, $from: String!, $to: String!) { memberMetrics(memberId: $id, from: $from, to: $to) { ${FIELDS} } }`, { id: String(id), ...period }, token);
const ofUnit = async (id: number, period = YEAR, token?: string) =>
  api.gql(`query($id: ID!, $from: String!, $to: String!) { unitMetrics(unitId: $id, from: $from, to: $to) { ${FIELDS} } }`, { id: String(id), ...period }, token);

beforeAll(async () => {
  api = await startTestApi();
  await fixture();
});
afterAll(() => api.close());

describe('a member', () => {
  it('who moved cells mid-year is expected at whichever cell he was in on each date: 11 of 12 = 91,67%', async () => {
    const m = dataOf(await ofMember(AN)).memberMetrics;
    expect(m).toMatchObject({ attendance_rate: 91.67, meetings_held: 12, meetingsAttended: 11, meetingsExpected: 12 });
    expect(m).toMatchObject({ study_registered: 1, study_months_reported: 9, study_generic_count: 2, commendations: 1, discipline_level: 0, memberCount: null });
  });

  it('over the first half only: 6 meetings of cell A, 5 attended; 6 months reported, 1 generic', async () => {
    const m = dataOf(await ofMember(AN, { from: '2024-01-01', to: '2024-06-30' })).memberMetrics;
    expect(m).toMatchObject({ attendance_rate: 83.33, meetings_held: 6, meetingsAttended: 5, study_months_reported: 6, study_generic_count: 1, commendations: 1 });
  });

  it('an unmarked meeting counts as not attended; discipline_level is the most severe of the period', async () => {
    const m = dataOf(await ofMember(CHI)).memberMetrics;
    expect(m).toMatchObject({ attendance_rate: 83.33, meetings_held: 12, meetingsAttended: 10, study_registered: 1, study_months_reported: 12, study_generic_count: 0, discipline_level: 2 });
  });

  it('without a registration study_registered is 0; values carry the catalogue names for the engine', async () => {
    const m = dataOf(await ofMember(BINH)).memberMetrics;
    expect(m).toMatchObject({ attendance_rate: 100, study_registered: 0, study_months_reported: 0 });
    expect(Object.fromEntries(m.values.map((v: { name: string; value: number }) => [v.name, v.value]))).toEqual({
      attendance_rate: 100, meetings_held: 12, study_registered: 0, study_months_reported: 0, study_generic_count: 0, commendations: 0, discipline_level: 0,
    });
  });

  it('a period without meetings has no attendance_rate, and the engine values leave it out', async () => {
    const m = dataOf(await ofMember(BINH, { from: '2023-01-01', to: '2023-12-31' })).memberMetrics;
    expect(m).toMatchObject({ attendance_rate: null, meetings_held: 0 });
    expect(m.values.map((v: { name: string }) => v.name)).not.toContain('attendance_rate');
  });
});

describe('a collective, rolled up over its subtree as of the period end', () => {
  it('cell A: 17 of 18 = 94,44%; its year-end member has no registration; 2 commendations; collective khiển trách', async () => {
    const m = dataOf(await ofUnit(A)).unitMetrics;
    expect(m).toMatchObject({ attendance_rate: 94.44, meetings_held: 12, meetingsAttended: 17, meetingsExpected: 18 });
    expect(m).toMatchObject({ study_registered: 0, study_months_reported: 0, study_generic_count: 0, commendations: 2, discipline_level: 1, memberCount: 1 });
  });

  it("cell B: 16 of 18 = 88,89%; An's study comes with him; Chi's own discipline is not the cell's", async () => {
    const m = dataOf(await ofUnit(B)).unitMetrics;
    expect(m).toMatchObject({ attendance_rate: 88.89, meetings_held: 12, meetingsAttended: 16, meetingsExpected: 18 });
    expect(m).toMatchObject({ study_registered: 2, study_months_reported: 21, study_generic_count: 2, commendations: 0, discipline_level: 0, memberCount: 2 });
  });

  it('the commune adds up both cells: 33 of 36 = 91,67%', async () => {
    const m = dataOf(await ofUnit(COMMUNE)).unitMetrics;
    expect(m).toMatchObject({ attendance_rate: 91.67, meetings_held: 24, meetingsAttended: 33, meetingsExpected: 36 });
    expect(m).toMatchObject({ study_registered: 2, study_months_reported: 21, study_generic_count: 2, commendations: 2, discipline_level: 1, memberCount: 3 });
  });
});

describe('the demo year 2025', () => {
  it('each cell of Mỹ Thạnh and of its neighbours held 12 meetings with a full sheet', async () => {
    // At the year's end the 13 cells of Mỹ Thạnh and the 4 of its neighbours are Mỹ Tân Hưng's (since 2025-07-01).
    const m = dataOf(await ofUnit(UNIT.COMMUNE_MY_TAN_HUNG, { from: '2025-01-01', to: '2025-12-31' })).unitMetrics;
    expect(m.meetings_held).toBe((13 + 4) * 12);
    expect(m.meetingsExpected).toBe((189 + 24) * 12);
    expect(m.attendance_rate).toBeGreaterThan(50);
    expect(m.attendance_rate).toBeLessThan(100);
  });
});

describe('scope', () => {
  it("metrics of a unit or a member outside the caller's scope are NOT_FOUND", async () => {
    const xa = await api.login('xa.mythanh');
    expect(errorOf(await ofUnit(A, YEAR, xa))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await ofMember(AN, YEAR, xa))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
