/**
 * directiveReport reproduces the customer's report on Directive 05-CT/TW (bao-cao-so-ket-chi-thi-05.txt) for
 * Mỹ Thạnh, 2016-05-15 to 2017-02-28, computed from the demo rows: 13/13 cells, 178/189 = 94,18%, 81,85%, 75,4%,
 * 2 TV reports (an individual, a collective), 2 inspections (each a cell and its secretary), 2 collectives and 18
 * individuals commended. A figure follows its rows (one more absence changes the rate), and a unit outside the
 * caller's scope is NOT_FOUND.
 */
import { ACTIVITY, CELL, DIRECTIVE_REPORT, DOCUMENT, MEMBER, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
let xa = '';

const RATE = 'part whole rate text';
const REPORT = `query($doc: ID!, $unit: ID!, $from: String!, $to: String!) {
  directiveReport(documentId: $doc, unitId: $unit, from: $from, to: $to) {
    document { number } unitId unitName from to
    issuedDocuments { number issuedOn } receivedDocuments { number }
    cellsReached { ${RATE} } cellsNotReached
    conferences { activityId title heldOn conferenceKind marked absent attendance { ${RATE} } }
    outreachMassOrgs { total { ${RATE} } byUnit { unitId unitName reached { ${RATE} } } }
    outreachPeople { total { ${RATE} } byUnit { unitId reached { ${RATE} } } }
    propaganda { count { total individual collective } byMedium { medium count }
                 items { activityId medium subjectMemberId subjectMemberName subjectUnitId subjectUnitName } }
    exemplaryModels { total collective individual }
    inspections { inspectionId inspectingBody inspectingUnitId subjectUnitId subjectUnitName subjectMemberId subjectMemberName }
    commendations { total collective individual }
    study { registered { ${RATE} } entries reviewed generic { ${RATE} } }
  } }`;

const report = (vars: Record<string, unknown> = {}, token = xa) =>
  api.gql(REPORT, { doc: String(DOCUMENT.CT_05), unit: String(UNIT.COMMUNE_MY_THANH), from: DIRECTIVE_REPORT.FROM, to: DIRECTIVE_REPORT.TO, ...vars }, token);

let r: Record<string, any>;

beforeAll(async () => {
  api = await startTestApi();
  xa = await api.login('xa.mythanh');
  r = dataOf(await report()).directiveReport;
});
afterAll(() => api.close());

it('is about 05-CT/TW at Mỹ Thạnh over the asked period', () => {
  expect(r).toMatchObject({ document: { number: '05-CT/TW' }, unitId: String(UNIT.COMMUNE_MY_THANH), unitName: 'Đảng bộ xã Mỹ Thạnh', from: '2016-05-15', to: '2017-02-28' });
});

it('documents issued in response are the commune\'s 58-CV/ĐU and 38-KH/ĐU; 124-CV/BTGHU came from above', () => {
  expect(r.issuedDocuments).toEqual([
    { number: '58-CV/ĐU', issuedOn: '2016-06-13' },
    { number: '38-KH/ĐU', issuedOn: '2016-09-17' },
  ]);
  expect(r.receivedDocuments).toEqual([{ number: '124-CV/BTGHU' }]);
});

it('the directive reached 13 of 13 cells', () => {
  expect(r.cellsReached).toEqual({ part: 13, whole: 13, rate: 100, text: '100%' });
  expect(r.cellsNotReached).toEqual([]);
});

it('the conference of 2017-02-15 had 178 of 189 members present = 94,18%', () => {
  const conf = r.conferences.find((c: { activityId: string }) => c.activityId === String(ACTIVITY.TRIEN_KHAI_2017));
  expect(conf).toMatchObject({ heldOn: '2017-02-15', conferenceKind: 'TRIEN_KHAI', marked: 189, absent: 11 });
  expect(conf.attendance).toEqual({ part: 178, whole: 189, rate: 94.18, text: '94,18%' });
  // The summary conference of 2016-12-16 is listed, its sheet never filled: no rate rather than 0%.
  const summary = r.conferences.find((c: { activityId: string }) => c.activityId === String(ACTIVITY.TONG_KET_2016));
  expect(summary).toMatchObject({ heldOn: '2016-12-16', conferenceKind: 'TONG_KET', marked: 0, attendance: { whole: 189, rate: null, text: '—' } });
  expect(r.conferences).toHaveLength(2);
});

it('outreach reached 81,85% of mass-organisation members (2214 of 2705) and 75,4% of the people (7389 of 9800)', () => {
  expect(r.outreachMassOrgs.total).toEqual({ part: 2214, whole: 2705, rate: 81.85, text: '81,85%' });
  expect(r.outreachMassOrgs.byUnit).toHaveLength(5);
  for (const line of r.outreachMassOrgs.byUnit) expect(line.reached.part).toBeLessThanOrEqual(line.reached.whole);
  expect(r.outreachMassOrgs.byUnit.map((l: { reached: { whole: number } }) => l.reached.whole)).toEqual([520, 760, 850, 215, 360]);
  expect(r.outreachPeople.total).toEqual({ part: 7389, whole: 9800, rate: 75.4, text: '75,4%' });
});

it('2 TV reports: one about the Nghĩa Huấn secretary (an individual), one about Chi bộ ấp Bến Đò (a collective)', () => {
  expect(r.propaganda.byMedium).toEqual(expect.arrayContaining([{ medium: 'TV_REPORT', count: 2 }]));
  const tv = r.propaganda.items.filter((i: { medium: string }) => i.medium === 'TV_REPORT');
  expect(tv).toEqual([
    expect.objectContaining({ subjectMemberId: String(MEMBER.SECRETARY_NGHIA_HUAN), subjectMemberName: 'Nguyễn Văn Đức', subjectUnitId: null }),
    expect.objectContaining({ subjectMemberId: null, subjectUnitId: String(CELL.BEN_DO), subjectUnitName: 'Chi bộ ấp Bến Đò' }),
  ]);
  expect(r.propaganda.count).toMatchObject({ individual: 1, collective: 1 });
});

it('2 inspections, each of a cell and its secretary: the committee at Bến Đò, the inspection committee at Y tế', () => {
  expect(r.inspections).toEqual([
    expect.objectContaining({ inspectingBody: 'COMMITTEE', inspectingUnitId: String(UNIT.COMMUNE_MY_THANH), subjectUnitId: String(CELL.BEN_DO), subjectUnitName: 'Chi bộ ấp Bến Đò', subjectMemberId: String(MEMBER.SECRETARY_BEN_DO), subjectMemberName: 'Trần Thị Ánh' }),
    expect.objectContaining({ inspectingBody: 'INSPECTION_COMMITTEE', subjectUnitId: String(CELL.Y_TE), subjectUnitName: 'Chi bộ Y tế', subjectMemberId: String(MEMBER.SECRETARY_Y_TE), subjectMemberName: 'Lê Minh Ân' }),
  ]);
});

it('2 collectives and 18 individuals commended; 2 exemplary models', () => {
  expect(r.commendations).toEqual({ total: 20, collective: 2, individual: 18 });
  expect(r.exemplaryModels).toEqual({ total: 2, collective: 1, individual: 1 });
});

it('study registrations: who registered of the members, monthly entries and how many were reviewed generic', async () => {
  const [expected] = await api.dataSource.query(
    `SELECT COUNT(DISTINCT r.memberId) AS registered, COUNT(e.id) AS entries, SUM(e.specificity = 'GENERIC') AS generic, SUM(e.specificity IS NOT NULL) AS reviewed
       FROM study_registration r LEFT JOIN study_entry e ON e.registrationId = r.id WHERE r.year = 2016`,
  );
  expect(r.study.registered).toMatchObject({ part: Number(expected.registered), whole: 189 });
  expect(r.study.entries).toBe(Number(expected.entries));
  expect(r.study.reviewed).toBe(Number(expected.reviewed));
  expect(r.study.generic.part).toBe(Number(expected.generic));
  expect(r.study.generic.part).toBeGreaterThan(0);
  expect(r.study.generic.part).toBeLessThan(r.study.reviewed);
});

it('a figure follows its rows: one more absence makes 177 of 189 = 93,65%', async () => {
  await api.dataSource.query(`UPDATE attendance SET present = 0, absenceReason = 'Ốm' WHERE activityId = ? AND memberId = ?`, [ACTIVITY.TRIEN_KHAI_2017, MEMBER.SECRETARY_BEN_DO]);
  try {
    const again = dataOf(await report()).directiveReport;
    const conf = again.conferences.find((c: { activityId: string }) => c.activityId === String(ACTIVITY.TRIEN_KHAI_2017));
    expect(conf.attendance).toEqual({ part: 177, whole: 189, rate: 93.65, text: '93,65%' });
  } finally {
    await api.dataSource.query(`UPDATE attendance SET present = 1, absenceReason = NULL WHERE activityId = ? AND memberId = ?`, [ACTIVITY.TRIEN_KHAI_2017, MEMBER.SECRETARY_BEN_DO]);
  }
});

it('a period that ends before the conference leaves it out, and a cell reports its own share', async () => {
  const early = dataOf(await report({ to: '2017-01-31' })).directiveReport;
  expect(early.conferences.map((c: { activityId: string }) => c.activityId)).toEqual([String(ACTIVITY.TONG_KET_2016)]);
  const cell = dataOf(await report({ unit: String(CELL.BEN_DO) })).directiveReport;
  expect(cell.cellsReached).toMatchObject({ part: 1, whole: 1 });
  expect(cell.inspections).toHaveLength(1);
  expect(cell.commendations.collective).toBe(1);
});

describe('scope', () => {
  it("xa.mythanh asking about another commune's unit gets NOT_FOUND", async () => {
    expect(errorOf(await report({ unit: String(UNIT.COMMUNE_LUONG_HOA) }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(errorOf(await report({ unit: String(UNIT.COMMUNE_LUONG_HOA * 10 + 1) }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the cell secretary of Bến Đò cannot ask about the commune', async () => {
    const bithu = await api.login('bithu.bendo');
    expect(errorOf(await report({}, bithu))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a period that ends before it starts is refused on "to"', async () => {
    expect(errorOf(await report({ from: '2017-02-28', to: '2016-05-15' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});
