/**
 * Study and follow registrations, commendations, discipline and exemplary models: who may record and review them,
 * what each caller sees, the refusals (with code, field and a Vietnamese message) that leave nothing written, and
 * the audit entry of every change.
 */
import { CELL, MEMBER, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
let xa: string; // UNIT_ADMIN of Mỹ Thạnh
let bendo: string; // CELL_SECRETARY of Bến Đò
let ubkt: string; // CRITERIA_ADMIN of Mỹ Thạnh: reads the commune, records nothing
/** A Bến Đò member since before 2016, moved to Nghĩa Huấn on 2017-07-01. (The demo seeds 2016 and 2025; the tests use 2017.) */
let moved = 0;
/** A Bến Đò member who stays there. */
let stays = 0;
/** A member of Nghĩa Huấn all along. */
let nghiaHuan = 0;
/** A member of another commune (Lương Hòa). */
let elsewhere = 0;

const count = async (table: string, where = '1 = 1', params: unknown[] = []) =>
  Number((await api.dataSource.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);
const audits = (operation: string, entityId?: string | number) =>
  entityId === undefined ? count('audit_entry', 'operation = ?', [operation]) : count('audit_entry', 'operation = ? AND entityId = ?', [operation, String(entityId)]);

async function memberOf(cellId: number, except: number[] = []): Promise<number> {
  const rows: { memberId: number }[] = await api.dataSource.query(
    `SELECT memberId FROM member_assignment WHERE unitId = ? AND validTo IS NULL AND validFrom < '2016-01-01' ORDER BY memberId`,
    [cellId],
  );
  return Number(rows.map((r) => Number(r.memberId)).find((id) => !except.includes(id) && !Object.values(MEMBER).includes(id as never)));
}

beforeAll(async () => {
  api = await startTestApi();
  xa = await api.login('xa.mythanh');
  bendo = await api.login('bithu.bendo');
  ubkt = await api.login('ubkt.mythanh');
  moved = await memberOf(CELL.BEN_DO);
  stays = await memberOf(CELL.BEN_DO, [moved]);
  nghiaHuan = await memberOf(CELL.NGHIA_HUAN);
  const lh: { id: number }[] = await api.dataSource.query(
    `SELECT a.memberId AS id FROM member_assignment a JOIN org_unit_link l ON l.unitId = a.unitId AND l.validTo IS NULL
      WHERE l.parentId = ? AND a.validTo IS NULL AND a.validFrom < '2016-01-01' ORDER BY a.memberId LIMIT 1`,
    [UNIT.COMMUNE_LUONG_HOA],
  );
  elsewhere = Number(lh[0].id);
  await api.dataSource.query('UPDATE member_assignment SET validTo = ? WHERE memberId = ? AND validTo IS NULL', ['2017-07-01', moved]);
  await api.dataSource.query('INSERT INTO member_assignment (memberId, unitId, kind, validFrom, validTo) VALUES (?, ?, ?, ?, NULL)', [moved, CELL.NGHIA_HUAN, 'OFFICIAL', '2017-07-01']);
});
afterAll(() => api.close());

const REG = 'id memberId year commitment version entries { month specificity outcome }';
const createRegistration = (memberId: number, year: number, token: string, commitment = 'Thực hiện tiết kiệm, gần dân, giúp hộ nghèo trong ấp') =>
  api.gql(`mutation($m: ID!, $y: Int!, $c: String!) { createStudyRegistration(memberId: $m, year: $y, commitment: $c) { ${REG} } }`, { m: memberId, y: year, c: commitment }, token);
const createEntry = (registrationId: string, month: number, token: string, review: Record<string, string> = {}) =>
  api.gql(
    `mutation($r: ID!, $m: Int!, $s: StudySpecificity, $o: StudyOutcome) {
       createStudyEntry(registrationId: $r, month: $m, content: "Vận động 3 hộ làm đường giao thông nông thôn", specificity: $s, outcome: $o) {
         id month specificity outcome reviewedBy reviewedOn version } }`,
    { r: registrationId, m: month, s: review.specificity, o: review.outcome },
    token,
  );

describe('study registrations: one per member and year, recorded by the member\'s cell', () => {
  let registrationId = '';

  it('a cell secretary records the yearly commitment of a member of the cell, with an audit entry', async () => {
    const created = dataOf(await createRegistration(stays, 2017, bendo)).createStudyRegistration;
    expect(created).toMatchObject({ memberId: String(stays), year: 2017, entries: [] });
    registrationId = created.id;
    expect(await audits('createStudyRegistration', created.id)).toBe(1);
  });

  it('a second registration for the same member and year is CONFLICT, and nothing more is written', async () => {
    const before = await count('audit_entry');
    const e = errorOf(await createRegistration(stays, 2017, xa));
    expect(e).toMatchObject({ code: 'CONFLICT', field: 'year' });
    expect(e.message).toMatch(/đã có bản đăng ký học tập năm 2017/);
    expect(await count('study_registration', 'memberId = ? AND year = 2017', [stays])).toBe(1);
    expect(await count('audit_entry')).toBe(before);
  });

  it('a member outside the caller\'s cells is refused on memberId, whether in another cell or another commune', async () => {
    expect(errorOf(await createRegistration(nghiaHuan, 2017, bendo))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId' });
    expect(errorOf(await createRegistration(elsewhere, 2017, xa))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId' });
    expect(await count('study_registration', 'memberId IN (?, ?) AND year = 2017', [nghiaHuan, elsewhere])).toBe(0);
  });

  it('a caller who reads the commune but keeps no cell records is FORBIDDEN', async () => {
    expect(errorOf(await createRegistration(nghiaHuan, 2017, ubkt)).code).toBe('FORBIDDEN');
  });

  it('a year in the future or an empty commitment is refused with its field', async () => {
    expect(errorOf(await createRegistration(stays, 2999, bendo))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(errorOf(await createRegistration(stays, 2018, bendo, '   '))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'commitment' });
  });

  it('the secretary reviews a month: the entry records who reviewed and when; a second entry for that month is CONFLICT', async () => {
    const entry = dataOf(await createEntry(registrationId, 3, bendo, { specificity: 'GENERIC', outcome: 'DONE' })).createStudyEntry;
    expect(entry).toMatchObject({ month: 3, specificity: 'GENERIC', outcome: 'DONE', reviewedBy: 'bithu.bendo' });
    expect(entry.reviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(errorOf(await createEntry(registrationId, 3, xa))).toMatchObject({ code: 'CONFLICT', field: 'month' });
    expect(await count('study_entry', 'registrationId = ?', [registrationId])).toBe(1);
    expect(errorOf(await createEntry(registrationId, 13, bendo))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
  });

  it('an update with a version read earlier is CONFLICT on version and changes nothing', async () => {
    const reg = dataOf(await api.gql(`{ StudyRegistration(id: ${registrationId}) { version commitment } }`, {}, bendo)).StudyRegistration;
    dataOf(await api.gql(`mutation { updateStudyRegistration(id: ${registrationId}, version: ${reg.version}, commitment: "Cam kết mới") { version } }`, {}, bendo));
    const stale = await api.gql(`mutation { updateStudyRegistration(id: ${registrationId}, version: ${reg.version}, commitment: "Ghi đè") { version } }`, {}, bendo);
    expect(errorOf(stale)).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect(dataOf(await api.gql(`{ StudyRegistration(id: ${registrationId}) { commitment } }`, {}, bendo)).StudyRegistration.commitment).toBe('Cam kết mới');
  });
});

describe('only the member\'s cell secretary of that month (or a unit admin above) reviews', () => {
  let registrationId = '';
  let october = '';

  beforeAll(async () => {
    registrationId = dataOf(await createRegistration(moved, 2017, xa)).createStudyRegistration.id;
    october = dataOf(await createEntry(registrationId, 10, xa)).createStudyEntry.id;
  });

  it('the secretary of the cell the member left reviews a month before the move', async () => {
    const march = dataOf(await createEntry(registrationId, 3, bendo, { specificity: 'SPECIFIC', outcome: 'DONE' })).createStudyEntry;
    expect(march).toMatchObject({ specificity: 'SPECIFIC', reviewedBy: 'bithu.bendo' });
  });

  it('a review by the secretary of another cell (the member had moved by then) is FORBIDDEN and changes nothing', async () => {
    const before = await count('audit_entry');
    const res = await api.gql(`mutation { updateStudyEntry(id: ${october}, specificity: GENERIC, outcome: NOT_DONE) { id } }`, {}, bendo);
    const e = errorOf(res);
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(/bí thư chi bộ/);
    const row = (await api.dataSource.query('SELECT specificity, outcome, reviewedBy FROM study_entry WHERE id = ?', [october]))[0];
    expect(row).toEqual({ specificity: null, outcome: null, reviewedBy: null });
    expect(await count('audit_entry')).toBe(before);
  });

  it('the unit admin above reviews that month', async () => {
    const reviewed = dataOf(await api.gql(`mutation { updateStudyEntry(id: ${october}, specificity: GENERIC, outcome: NOT_DONE) { specificity outcome reviewedBy } }`, {}, xa));
    expect(reviewed.updateStudyEntry).toEqual({ specificity: 'GENERIC', outcome: 'NOT_DONE', reviewedBy: 'xa.mythanh' });
    expect(await audits('updateStudyEntry', october)).toBe(1);
  });

  it('a secretary sees the registrations of members who were in the cell that year; a member never in it stays unseen', async () => {
    const other = dataOf(await createRegistration(nghiaHuan, 2017, xa)).createStudyRegistration.id;
    const seen = dataOf(await api.gql(`{ allStudyRegistrations(filter: { year: 2017 }) { memberId } _allStudyRegistrationsMeta(filter: { year: 2017 }) { count } }`, {}, bendo));
    expect(seen.allStudyRegistrations.map((r: { memberId: string }) => Number(r.memberId)).sort()).toEqual([moved, stays].sort((a, b) => a - b));
    expect(seen._allStudyRegistrationsMeta.count).toBe(2);
    expect(errorOf(await api.gql(`{ StudyRegistration(id: ${other}) { id } }`, {}, bendo)).code).toBe('NOT_FOUND');
    const generic = dataOf(await api.gql(`{ _allStudyEntriesMeta(filter: { registrationId: ${registrationId}, specificity: GENERIC }) { count } }`, {}, xa));
    expect(generic._allStudyEntriesMeta.count).toBe(1);
  });
});

const RECORD = 'id subject memberId unitId decisionNumber decidingUnitId decidingBodyName decidedOn version';

describe('commendations: individual or collective, in the caller\'s subtrees, decided by a body of ours or outside', () => {
  const commend = (args: string, token = xa) => api.gql(`mutation { createCommendation(${args}) { ${RECORD} form decidingUnit { id name code parentId } } }`, {}, token);

  it('the summary conference commends a collective and an individual; the number is read as a document number', async () => {
    const collective = dataOf(await commend(`unitId: ${CELL.BEN_DO}, decisionNumber: "Số 12 - qd/du", decidingUnitId: ${UNIT.COMMUNE_MY_THANH}, decidedOn: "2017-12-16", form: GIAY_KHEN`)).createCommendation;
    expect(collective).toMatchObject({ subject: 'COLLECTIVE', memberId: null, unitId: String(CELL.BEN_DO), decisionNumber: '12-QĐ/ĐU' });
    const individual = dataOf(await commend(`memberId: ${moved}, unitId: ${CELL.Y_TE}, decisionNumber: "QĐ khen thưởng đợt 2", decidingUnitId: ${UNIT.COMMUNE_MY_THANH}, decidedOn: "2017-12-16", form: GIAY_KHEN`)).createCommendation;
    // The individual's record belongs to the member's cell on the decision date, whatever unit was sent alongside.
    expect(individual).toMatchObject({ subject: 'INDIVIDUAL', memberId: String(moved), unitId: String(CELL.NGHIA_HUAN), decisionNumber: 'QĐ khen thưởng đợt 2' });
    expect(await audits('createCommendation', individual.id)).toBe(1);
    const split = dataOf(await api.gql(`{ c: _allCommendationsMeta(filter: { subject: COLLECTIVE, from: "2017-12-16", to: "2017-12-16" }) { count } i: _allCommendationsMeta(filter: { subject: INDIVIDUAL, from: "2017-12-16", to: "2017-12-16" }) { count } }`, {}, xa));
    expect([split.c.count, split.i.count]).toEqual([1, 1]);
  });

  it('a deciding unit above the caller appears only as id, kind and name', async () => {
    // The province's Bằng khen: above xa.mythanh's commune today (the district that stood between ended on 2025-06-30).
    const c = dataOf(await commend(`unitId: ${CELL.Y_TE}, decidingUnitId: ${UNIT.PROVINCE_BEN_TRE}, decidedOn: "2017-01-10", form: BANG_KHEN`)).createCommendation;
    expect(c.decidingUnit).toMatchObject({ id: String(UNIT.PROVINCE_BEN_TRE), code: null, parentId: null });
    expect(c.decidingUnit.name).toBeTruthy();
  });

  it('a record for a unit out of scope, a deciding unit of another commune, or both body forms are refused and nothing is written', async () => {
    const before = [await count('commendation'), await count('audit_entry')];
    const outsideCell = Number((await api.dataSource.query('SELECT unitId FROM org_unit_link WHERE parentId = ? LIMIT 1', [UNIT.COMMUNE_LUONG_HOA]))[0].unitId);
    expect(errorOf(await commend(`unitId: ${outsideCell}, decidingBodyName: "UBND xã", decidedOn: "2016-12-16", form: GIAY_KHEN`))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    expect(errorOf(await commend(`memberId: ${elsewhere}, decidingBodyName: "UBND xã", decidedOn: "2016-12-16", form: GIAY_KHEN`))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId' });
    expect(errorOf(await commend(`unitId: ${CELL.BEN_DO}, decidingUnitId: ${UNIT.COMMUNE_LUONG_HOA}, decidedOn: "2016-12-16", form: GIAY_KHEN`))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decidingUnitId' });
    const both = errorOf(await commend(`unitId: ${CELL.BEN_DO}, decidingUnitId: ${UNIT.COMMUNE_MY_THANH}, decidingBodyName: "UBND xã", decidedOn: "2016-12-16", form: GIAY_KHEN`));
    expect(both).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decidingBodyName' });
    expect(both.message).toMatch(/không cả hai/);
    expect(errorOf(await commend(`unitId: ${CELL.BEN_DO}, decidedOn: "2016-12-16", form: GIAY_KHEN`))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decidingUnitId' });
    expect([await count('commendation'), await count('audit_entry')]).toEqual(before);
  });

  it('a cell secretary reads the cell\'s commendations but records none', async () => {
    expect(errorOf(await commend(`unitId: ${CELL.BEN_DO}, decidingBodyName: "UBND xã", decidedOn: "2016-12-16", form: GIAY_KHEN`, bendo)).code).toBe('FORBIDDEN');
    const seen: string[] = dataOf(await api.gql('{ allCommendations(perPage: 500) { unitId } }', {}, bendo)).allCommendations.map((c: { unitId: string }) => c.unitId);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([String(CELL.BEN_DO)]));
    expect(await count('commendation', 'unitId <> ?', [CELL.BEN_DO])).toBeGreaterThan(0);
  });

  it('an edit with a stale version is CONFLICT; an edit of a record outside the scope is NOT_FOUND', async () => {
    const c = dataOf(await commend(`unitId: ${CELL.BEN_DO}, decidingBodyName: "Huyện đoàn Giồng Trôm", decidedOn: "2017-01-05", form: KHAC`)).createCommendation;
    dataOf(await api.gql(`mutation { updateCommendation(id: ${c.id}, version: ${c.version}, form: GIAY_KHEN) { id } }`, {}, xa));
    expect(errorOf(await api.gql(`mutation { updateCommendation(id: ${c.id}, version: ${c.version}, form: BANG_KHEN) { id } }`, {}, xa))).toMatchObject({ code: 'CONFLICT', field: 'version' });
    const lh = await api.login('huyen.giongtrom');
    const ly = Number((await api.dataSource.query('SELECT unitId FROM org_unit_link WHERE parentId = ? LIMIT 1', [UNIT.COMMUNE_LUONG_HOA]))[0].unitId);
    const theirs = dataOf(await api.gql(`mutation { createCommendation(unitId: ${ly}, decidingUnitId: ${UNIT.DISTRICT_GIONG_TROM}, decidedOn: "2017-01-05", form: GIAY_KHEN) { id } }`, {}, lh)).createCommendation.id;
    expect(errorOf(await api.gql(`mutation { updateCommendation(id: ${theirs}, form: BANG_KHEN) { id } }`, {}, xa)).code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(`mutation { deleteCommendation(id: ${theirs}) { id } }`, {}, xa)).code).toBe('NOT_FOUND');
  });
});

describe('discipline and exemplary models', () => {
  it('a khiển trách of a member needs the violation; recorded, it is audited under the member\'s cell', async () => {
    const base = `memberId: ${stays}, decisionNumber: "05-qd/ubktdu", decidingUnitId: ${UNIT.COMMUNE_MY_THANH}, decidedOn: "2017-03-01", level: KHIEN_TRACH`;
    expect(errorOf(await api.gql(`mutation { createDiscipline(${base}, violation: " ") { id } }`, {}, xa))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'violation' });
    const d = dataOf(await api.gql(`mutation { createDiscipline(${base}, violation: "Vi phạm quy định sinh hoạt chi bộ") { id unitId decisionNumber level } }`, {}, xa)).createDiscipline;
    expect(d).toMatchObject({ unitId: String(CELL.BEN_DO), decisionNumber: '05-QĐ/UBKTĐU', level: 'KHIEN_TRACH' });
    const [entry] = await api.dataSource.query("SELECT unitId, entity FROM audit_entry WHERE operation = 'createDiscipline' AND entityId = ?", [d.id]);
    expect(entry).toEqual({ unitId: CELL.BEN_DO, entity: 'Discipline' });
  });

  it('an exemplary model of a member who moved belongs to the cell at the end of the year', async () => {
    const m = dataOf(await api.gql(`mutation { createExemplaryModel(memberId: ${moved}, year: 2017, title: "Gương sáng giúp dân làm đường") { id unitId subject } }`, {}, xa)).createExemplaryModel;
    expect(m).toMatchObject({ unitId: String(CELL.NGHIA_HUAN), subject: 'INDIVIDUAL' });
    const wrongYear = errorOf(await api.gql(`mutation { createExemplaryModel(unitId: ${CELL.BEN_DO}, year: 2016, title: "Chi bộ ấp Bến Đò", recognizedOn: "2017-01-01") { id } }`, {}, xa));
    expect(wrongYear).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recognizedOn' });
    const collective = errorOf(await api.gql(`mutation { createExemplaryModel(subject: COLLECTIVE, memberId: ${stays}, unitId: ${CELL.BEN_DO}, year: 2016, title: "Chi bộ ấp Bến Đò") { id } }`, {}, xa));
    expect(collective).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId' });
  });
});
