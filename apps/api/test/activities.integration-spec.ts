/**
 * Activities, attendance and outreach: the expected members of a meeting follow dated memberships (a member who
 * moved cells is expected in each cell only for its dates), the sheet of a cell of 60 is saved in one call under
 * the activity's version, outreach never exceeds the head count in force, and every refusal names its field, speaks
 * Vietnamese and writes nothing.
 */
import { CELL, MASS_ORG_HEAD_COUNTS, MEMBER, MY_THANH_POPULATION, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
let xa = '';
let bithu = '';
const MOVED_ON = '2017-01-01';
/** Nghĩa Huấn's 16 members (from its secretary 1019), Y tế's 12 and 14 of Thạnh Lợi's move into Bến Đò: 18 + 42 = 60. */
const MOVED = Array.from({ length: 42 }, (_, i) => MEMBER.SECRETARY_NGHIA_HUAN + i);
const YOUTH = MASS_ORG_HEAD_COUNTS[0];

const sheetRows = async (activityId: number) => Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM attendance WHERE activityId = ?', [activityId]))[0].n);

async function meeting(unitId: number, heldOn: string, token = xa, kind = 'CELL_MEETING'): Promise<{ id: number; version: number }> {
  const extra = kind === 'CONFERENCE' ? ', conferenceKind: TRIEN_KHAI' : '';
  const a = dataOf(await api.gql(`mutation { createActivity(kind: ${kind}${extra}, unitId: ${unitId}, heldOn: "${heldOn}", title: "Sinh hoạt ${heldOn}") { id version } }`, {}, token)).createActivity;
  return { id: Number(a.id), version: a.version };
}

const expected = async (activityId: number, token = xa) =>
  dataOf(await api.gql(`{ expectedAttendees(activityId: ${activityId}) { memberId cellId present absenceReason } }`, {}, token)) as {
    expectedAttendees: { memberId: string; cellId: string; present: boolean | null; absenceReason: string | null }[];
  };

const SAVE = `mutation($a: ID!, $e: [AttendanceEntryInput!]!, $v: Int!) { saveAttendance(activityId: $a, entries: $e, version: $v) { id version } }`;

beforeAll(async () => {
  api = await startTestApi();
  xa = await api.login('xa.mythanh');
  bithu = await api.login('bithu.bendo');
  const ds = api.dataSource;
  await ds.query(`UPDATE member_assignment SET validTo = ? WHERE memberId IN (${MOVED.join(',')}) AND validTo IS NULL`, [MOVED_ON]);
  for (const id of MOVED) {
    await ds.query('INSERT INTO member_assignment (memberId, unitId, kind, validFrom, validTo) VALUES (?, ?, ?, ?, NULL)', [id, CELL.BEN_DO, 'OFFICIAL', MOVED_ON]);
  }
});
afterAll(() => api.close());

describe('expected attendees follow dated memberships', () => {
  it('a member who moved cells on 2017-01-01 is expected in the old cell before and in the new cell after, never both', async () => {
    const ids = async (unitId: number, on: string) => (await expected((await meeting(unitId, on)).id)).expectedAttendees.map((r) => Number(r.memberId));
    const benDoBefore = await ids(CELL.BEN_DO, '2016-12-20');
    const benDoAfter = await ids(CELL.BEN_DO, '2017-03-10');
    const nghiaHuanBefore = await ids(CELL.NGHIA_HUAN, '2016-12-20');
    const nghiaHuanAfter = await ids(CELL.NGHIA_HUAN, '2017-03-10');
    expect(benDoBefore).toHaveLength(18);
    expect(benDoBefore).not.toContain(MEMBER.SECRETARY_NGHIA_HUAN);
    expect(benDoAfter).toHaveLength(60);
    expect(benDoAfter).toContain(MEMBER.SECRETARY_NGHIA_HUAN);
    expect(nghiaHuanBefore).toContain(MEMBER.SECRETARY_NGHIA_HUAN);
    expect(nghiaHuanAfter).toEqual([]);
  });

  it('a commune conference expects every member of its 13 cells on that date (189)', async () => {
    // Mỹ Thạnh ended on 2025-06-30: its history is recorded by the level above; xa.mythanh (Mỹ Tân Hưng) reads it.
    const conference = await meeting(UNIT.COMMUNE_MY_THANH, '2017-02-15', await api.login('admin'), 'CONFERENCE');
    const rows = (await expected(conference.id)).expectedAttendees;
    expect(rows).toHaveLength(189);
    expect(new Set(rows.map((r) => r.memberId)).size).toBe(189);
  });
});

describe('saveAttendance', () => {
  let sheet = { id: 0, version: 0 };
  beforeAll(async () => {
    sheet = await meeting(CELL.BEN_DO, '2017-04-10');
  });

  const entriesFor = async (absent: Record<number, string>) =>
    (await expected(sheet.id)).expectedAttendees.map((r) => {
      const reason = absent[Number(r.memberId)];
      return reason === undefined ? { memberId: r.memberId, present: true } : { memberId: r.memberId, present: false, absenceReason: reason };
    });

  it('a cell secretary saves the sheet of a cell of 60 in one call, with two absences and their reasons', async () => {
    const entries = await entriesFor({ [MEMBER.SECRETARY_BEN_DO]: 'Đi công tác', [MEMBER.SECRETARY_NGHIA_HUAN]: 'Ốm' });
    expect(entries).toHaveLength(60);
    const res = await api.gql(SAVE, { a: sheet.id, e: entries, v: sheet.version }, bithu);
    const saved = dataOf(res).saveAttendance;
    expect(saved.version).toBe(sheet.version + 1);
    // The statements of a save do not grow with the sheet (one delete, one multi-row insert).
    expect(res.sqlStatements).toBeLessThan(30);
    const rows = (await expected(sheet.id, bithu)).expectedAttendees;
    expect(rows.filter((r) => r.present === true)).toHaveLength(58);
    expect(rows.filter((r) => r.present === false).map((r) => [Number(r.memberId), r.absenceReason])).toEqual(
      expect.arrayContaining([
        [MEMBER.SECRETARY_BEN_DO, 'Đi công tác'],
        [MEMBER.SECRETARY_NGHIA_HUAN, 'Ốm'],
      ]),
    );
    sheet.version = saved.version;
  });

  it('reading the sheet of 60 costs the same few statements as any other (expectedAttendees)', async () => {
    const res = await api.gql(`{ expectedAttendees(activityId: ${sheet.id}) { memberId fullName present } }`, {}, xa);
    expect(dataOf(res).expectedAttendees).toHaveLength(60);
    expect(res.sqlStatements).toBeLessThanOrEqual(6);
  });

  it('a sheet saved against an old version is a CONFLICT on version, and the sheet stays as it was', async () => {
    const e = errorOf(await api.gql(SAVE, { a: sheet.id, e: [], v: sheet.version - 1 }, xa));
    expect(e).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect(await sheetRows(sheet.id)).toBe(60);
  });

  it('an absence without a reason is refused on that entry, nothing written and the version kept', async () => {
    const entries = await entriesFor({});
    entries[5] = { memberId: entries[5].memberId, present: false };
    const e = errorOf(await api.gql(SAVE, { a: sheet.id, e: entries, v: sheet.version }, xa));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entries.5.absenceReason' });
    expect(e.message).toContain('Lý do vắng');
    const after = dataOf(await api.gql(`{ Activity(id: ${sheet.id}) { version } }`, {}, xa)).Activity;
    expect(after.version).toBe(sheet.version);
    expect((await expected(sheet.id)).expectedAttendees.filter((r) => r.present === false)).toHaveLength(2);
  });

  it('a member who was not in the unit on the meeting date is refused on entries.N.memberId, nothing written', async () => {
    const old = await meeting(CELL.NGHIA_HUAN, '2017-03-15');
    const e = errorOf(await api.gql(SAVE, { a: old.id, e: [{ memberId: String(MEMBER.SECRETARY_NGHIA_HUAN), present: true }], v: old.version }, xa));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entries.0.memberId' });
    expect(e.message).toContain('không sinh hoạt');
    expect(await sheetRows(old.id)).toBe(0);
    const single = errorOf(await api.gql(`mutation { createAttendance(activityId: ${old.id}, memberId: ${MEMBER.SECRETARY_NGHIA_HUAN}, present: true) { id } }`, {}, xa));
    expect(single).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId' });
  });

  it('the save leaves one audit entry with the before and after counts', async () => {
    const rows: { after: string; unitId: number }[] = await api.dataSource.query(
      "SELECT after, unitId FROM audit_entry WHERE operation = 'saveAttendance' AND entityId = ?",
      [String(sheet.id)],
    );
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].unitId)).toBe(CELL.BEN_DO);
    expect(JSON.parse(rows[0].after).attendance.present).toBe(58);
  });
});

describe('scope', () => {
  it('a cell secretary neither reads nor marks another cell’s meeting (NOT_FOUND), nor creates meetings (FORBIDDEN)', async () => {
    const other = await meeting(CELL.Y_TE, '2016-10-10');
    expect(errorOf(await api.gql(`{ Activity(id: ${other.id}) { id } }`, {}, bithu)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(SAVE, { a: other.id, e: [], v: other.version }, bithu)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(`mutation { createActivity(kind: CELL_MEETING, unitId: ${CELL.BEN_DO}, heldOn: "2017-05-01", title: "x") { id } }`, {}, bithu)).code).toBe('FORBIDDEN');
  });

  it('an activity for a unit out of scope is refused on unitId; another commune’s activity reads as not found', async () => {
    const before = Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM activity'))[0].n);
    const e = errorOf(await api.gql(`mutation { createActivity(kind: CELL_MEETING, unitId: ${UNIT.COMMUNE_LUONG_HOA * 10 + 1}, heldOn: "2017-05-01", title: "x") { id } }`, {}, xa));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    expect(Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM activity'))[0].n)).toBe(before);
    const theirs = await meeting(UNIT.COMMUNE_LUONG_HOA * 10 + 1, '2017-05-01', await api.login('admin'));
    expect(errorOf(await api.gql(`{ Activity(id: ${theirs.id}) { id } }`, {}, xa)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(`{ expectedAttendees(activityId: ${theirs.id}) { memberId } }`, {}, xa)).code).toBe('NOT_FOUND');
    const listed = dataOf(await api.gql(`{ allActivities(perPage: 1000) { id } }`, {}, xa)).allActivities.map((a: { id: string }) => Number(a.id));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed).not.toContain(Number(theirs.id));
  });
});

describe('outreach', () => {
  const OUTREACH = `mutation($u: ID!, $a: ActivityAudience!, $r: Int!, $f: String, $t: String) {
    createOutreach(unitId: $u, audience: $a, reachedCount: $r, periodFrom: $f, periodTo: $t) { id headCount headCountAsOf reachedCount rate } }`;
  const count = async () => Number((await api.dataSource.query('SELECT COUNT(*) AS n FROM outreach'))[0].n);

  it('a reached count above the head count of the period is refused on reachedCount, nothing written', async () => {
    const before = await count();
    const e = errorOf(await api.gql(OUTREACH, { u: YOUTH.unitId, a: 'MASS_ORGS', r: YOUTH.count + 1, f: '2016-06-13', t: '2017-02-28' }, xa));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reachedCount' });
    expect(e.message).toContain(`(${YOUTH.count}`);
    expect(await count()).toBe(before);
  });

  it('the head count in force at the period’s end is copied onto the row; the people count works the same way', async () => {
    const youth = dataOf(await api.gql(OUTREACH, { u: YOUTH.unitId, a: 'MASS_ORGS', r: 430, f: '2016-06-13', t: '2017-02-28' }, xa)).createOutreach;
    expect(youth).toMatchObject({ headCount: YOUTH.count, headCountAsOf: '2016-12-31', reachedCount: 430 });
    // Mỹ Thạnh's Front (the people's head count) ended on 2025-06-30: recorded by the level above, as history.
    const people = dataOf(await api.gql(OUTREACH, { u: UNIT.FRONT_MY_THANH, a: 'PEOPLE', r: 7389, f: '2016-06-13', t: '2017-02-28' }, await api.login('admin'))).createOutreach;
    expect(people.headCount).toBe(MY_THANH_POPULATION);
    expect(people.rate).toBeCloseTo(0.754, 3);
  });

  it('a period that ends before any head count was taken is refused on unitId', async () => {
    const e = errorOf(await api.gql(OUTREACH, { u: YOUTH.unitId, a: 'MASS_ORGS', r: 1, f: '2016-06-13', t: '2016-07-01' }, xa));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
  });

  it('outreach for a mass organisation out of scope is refused on unitId', async () => {
    const e = errorOf(await api.gql(OUTREACH, { u: YOUTH.unitId, a: 'MASS_ORGS', r: 1, f: '2016-06-13', t: '2017-02-28' }, bithu));
    expect(e.code).toBe('FORBIDDEN'); // the cell secretary holds no MANAGE_ACTIVITIES anywhere
    // The province's youth union sits above the commune office's subtrees.
    const district = dataOf(
      await api.gql(`mutation { createOrgUnit(kind: MASS_ORG, massOrgKind: YOUTH_UNION, name: "Tỉnh đoàn", parentId: ${UNIT.FRONT_PROVINCE}, validFrom: "2000-01-01") { id } }`),
    ).createOrgUnit;
    const outside = errorOf(await api.gql(OUTREACH, { u: district.id, a: 'MASS_ORGS', r: 1, f: '2016-06-13', t: '2017-02-28' }, xa));
    expect(outside).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
  });
});

describe('the list grammar of the new resources', () => {
  it('every scalar field of Document, DocumentRecipient, Activity, Attendance and Outreach sorts both ways without an error', async () => {
    const failures: string[] = [];
    for (const [type, plural] of [['Document', 'Documents'], ['DocumentRecipient', 'DocumentRecipients'], ['Activity', 'Activities'], ['Attendance', 'Attendances'], ['Outreach', 'Outreaches']]) {
      const fields = dataOf(await api.gql(`{ __type(name: "${type}") { fields { name type { kind ofType { kind ofType { kind } } } } } }`)).__type.fields as {
        name: string;
        type: { kind: string; ofType: { kind: string; ofType: { kind: string } | null } | null };
      }[];
      const scalar = fields.filter((f) => {
        const kind = f.type.kind === 'NON_NULL' ? f.type.ofType?.kind : f.type.kind;
        return kind === 'SCALAR' || kind === 'ENUM';
      });
      for (const f of scalar) {
        for (const order of ['ASC', 'DESC']) {
          const res = await api.gql(`{ all${plural}(sortField: "${f.name}", sortOrder: "${order}", perPage: 5) { id } _all${plural}Meta { count } }`);
          if (res.errors?.length) failures.push(`${type}.${f.name} ${order}: ${res.errors[0].message}`);
        }
      }
      expect(scalar.length).toBeGreaterThan(3);
    }
    expect(failures).toEqual([]);
  });
});
