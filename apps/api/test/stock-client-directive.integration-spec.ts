/**
 * The directive resources of issue 9 as an outside client sees them: the stock `ra-data-graphql-simple` provider
 * (support/stock-client.ts), every data-provider method on every new resource, as `admin` and as `xa.mythanh`
 * (unit admin of the commune Mỹ Thạnh, which holds MANAGE_ACTIVITIES and RECORD_CELL_WORK there). Where the rules
 * refuse (a record outside the commune, a cell secretary writing the commune's register), the refusal is asserted
 * by its code. None of these resources has a bulk mutation: updateMany and deleteMany go one request per id.
 */
import type { DataProvider } from 'ra-core';
import { CELL, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, startTestApi, TestApi } from './support/harness';
import { BEN_DO_MEMBERS, createInsideAndOutside, DIRECTIVE_RESOURCES, DirectiveIds, DirectiveResource, freshNumber, LUONG_HOA_CELL } from './support/directive-fixtures';
import { stockFailure, stockProvider } from './support/stock-client';

let api: TestApi;
let inside: DirectiveIds;
let outside: DirectiveIds;
beforeAll(async () => {
  api = await startTestApi();
  ({ inside, outside } = await createInsideAndOutside(api));
}, 120000);
afterAll(() => api?.close());

const PAGE = { pagination: { page: 1, perPage: 5 }, sort: { field: 'id', order: 'ASC' as 'ASC' | 'DESC' }, filter: {} };
const NO_SUCH_ID = '987654';
let serial = 0;
const next = () => (serial += 1);

/** As admin (the fixtures' maker): a parent record a child resource needs, made fresh for each child. */
const adminCreate = async (mutation: string, args: string) => String(dataOf(await api.gql(`mutation { ${mutation}(${args}) { id } }`))[mutation].id);
const newDocument = () => adminCreate('createDocument', `number: "${freshNumber()}", issuedOn: "2026-01-02", title: "Văn bản cha", issuerUnitId: ${UNIT.COMMUNE_MY_TAN_HUNG}`);
const newMeeting = () => adminCreate('createActivity', `kind: CELL_MEETING, unitId: ${CELL.BEN_DO}, heldOn: "2026-02-0${(next() % 9) + 1}", title: "Họp chi bộ"`);
const newInspection = () =>
  adminCreate('createInspection', `kind: GIAM_SAT, inspectingUnitId: ${UNIT.COMMUNE_MY_TAN_HUNG}, inspectingBody: INSPECTION_COMMITTEE, subjectUnitId: ${CELL.BEN_DO}, topic: "Giám sát", startOn: "2026-03-01"`);
/**
 * One registration per (member, year): members of Bến Đò (a cell alive today, so the record is the commune's to
 * write) and years 2017–2024 (all members by then; 2016 and 2025 are seeded) never repeat.
 */
const memberYear = () => {
  const n = next();
  return { memberId: String(BEN_DO_MEMBERS[n % BEN_DO_MEMBERS.length]), year: 2017 + Math.floor(n / BEN_DO_MEMBERS.length) };
};
const newRegistration = () => {
  const { memberId, year } = memberYear();
  return adminCreate('createStudyRegistration', `memberId: ${memberId}, year: ${year}, commitment: "Cam kết"`);
};

/** What the stock create sends, the edit an update makes (its first field is checked), and getManyReference's target. */
interface Plan {
  create: () => Promise<Record<string, unknown>>;
  change: Record<string, unknown>;
  target: [string, () => string];
}

const PLANS: Record<DirectiveResource, Plan> = {
  Document: {
    create: async () => ({ number: freshNumber(), issuedOn: '2026-01-02', title: 'Công văn thử', issuerUnitId: String(UNIT.COMMUNE_MY_TAN_HUNG) }),
    change: { title: 'Công văn thử (sửa)' },
    target: ['unitId', () => String(UNIT.COMMUNE_MY_TAN_HUNG)],
  },
  DocumentRecipient: {
    create: async () => ({ documentId: await newDocument(), unitId: String(CELL.BEN_DO), sentOn: '2026-01-03' }),
    change: { sentOn: '2026-01-04' },
    target: ['documentId', () => inside.Document],
  },
  Activity: {
    create: async () => ({ kind: 'SEMINAR', unitId: String(UNIT.COMMUNE_MY_TAN_HUNG), heldOn: '2026-02-10', title: `Tọa đàm ${next()}` }),
    change: { title: 'Tọa đàm (sửa)' },
    target: ['unitId', () => String(CELL.BEN_DO)],
  },
  Attendance: {
    create: async () => ({ activityId: await newMeeting(), memberId: String(BEN_DO_MEMBERS[1]), present: true }),
    change: { absenceReason: 'Ốm', present: false },
    target: ['activityId', () => inside.Activity],
  },
  Outreach: {
    create: async () => ({ unitId: String(UNIT.WOMEN_MY_THANH), audience: 'MASS_ORGS', reachedCount: 10, periodFrom: '2026-03-01', periodTo: '2026-03-31' }),
    change: { reachedCount: 20 },
    target: ['unitId', () => String(UNIT.YOUTH_MY_THANH)],
  },
  StudyRegistration: {
    create: async () => ({ ...memberYear(), commitment: 'Học và làm theo gương Bác' }),
    change: { commitment: 'Cam kết (sửa)' },
    target: ['memberId', () => String(BEN_DO_MEMBERS[0])],
  },
  StudyEntry: {
    create: async () => ({ registrationId: await newRegistration(), month: 2, content: 'Giúp hộ nghèo' }),
    change: { content: 'Giúp hộ nghèo (sửa)' },
    target: ['registrationId', () => inside.StudyRegistration],
  },
  Commendation: {
    create: async () => ({ memberId: String(BEN_DO_MEMBERS[2]), decidedOn: '2026-04-01', form: 'GIAY_KHEN', decidingUnitId: String(UNIT.COMMUNE_MY_TAN_HUNG) }),
    change: { achievement: 'Hoàn thành xuất sắc' },
    target: ['unitId', () => String(CELL.BEN_DO)],
  },
  Discipline: {
    create: async () => ({ memberId: String(BEN_DO_MEMBERS[3]), decidedOn: '2026-04-02', level: 'KHIEN_TRACH', violation: 'Vắng họp', decidingUnitId: String(UNIT.COMMUNE_MY_TAN_HUNG) }),
    change: { violation: 'Vắng họp ba kỳ' },
    target: ['memberId', () => String(BEN_DO_MEMBERS[0])],
  },
  ExemplaryModel: {
    create: async () => ({ subject: 'COLLECTIVE', unitId: String(CELL.NGHIA_HUAN), year: 2026, title: `Chi bộ tiêu biểu ${next()}` }),
    change: { title: 'Chi bộ tiêu biểu (sửa)' },
    target: ['unitId', () => String(CELL.BEN_DO)],
  },
  Inspection: {
    create: async () => ({ kind: 'KIEM_TRA', inspectingUnitId: String(UNIT.COMMUNE_MY_TAN_HUNG), inspectingBody: 'COMMITTEE', subjectUnitId: String(CELL.Y_TE), topic: 'Kiểm tra', startOn: '2026-05-01' }),
    change: { topic: 'Kiểm tra (sửa)' },
    target: ['inspectingUnitId', () => String(UNIT.COMMUNE_MY_TAN_HUNG)],
  },
  InspectionAction: {
    create: async () => ({ inspectionId: await newInspection(), action: 'Bổ sung sổ sách', deadline: '2026-06-30' }),
    change: { action: 'Bổ sung sổ sách (sửa)' },
    target: ['inspectionId', () => inside.Inspection],
  },
};

/** A getOne, then an update carrying the whole record back with the change, as react-admin's edit form does. */
async function editForm(p: DataProvider, resource: string, id: string, change: Record<string, unknown>) {
  const { data: record } = await p.getOne(resource, { id });
  return p.update(resource, { id, data: { ...record, ...change }, previousData: record });
}

describe.each(['admin', 'xa.mythanh'])('every data-provider method on every directive resource, as %s', (username) => {
  let p: DataProvider;
  beforeAll(async () => {
    p = stockProvider(api, await api.login(username));
  });

  it.each(DIRECTIVE_RESOURCES)('%s: getList, getOne, getMany and getManyReference answer what the list holds', async (resource) => {
    const list = await p.getList(resource, PAGE);
    expect(list.data.length).toBeGreaterThan(0);
    expect(list.total).toBeGreaterThanOrEqual(list.data.length);
    const ids = list.data.slice(0, 2).map((r) => r.id);
    expect((await p.getOne(resource, { id: ids[0] })).data.id).toBe(ids[0]);
    expect((await p.getMany(resource, { ids })).data.map((r) => r.id).sort()).toEqual([...ids].sort());
    const [target, targetId] = PLANS[resource].target;
    const ref = await p.getManyReference(resource, { ...PAGE, pagination: { page: 1, perPage: 500 }, target, id: targetId() });
    expect(ref.data.map((r) => r.id)).toContain(inside[resource]);
    expect(ref.total).toBeGreaterThanOrEqual(ref.data.length);
  });

  it.each(DIRECTIVE_RESOURCES)('%s: getOne of a missing id is NOT_FOUND; getList by id descending comes back descending', async (resource) => {
    expect((await stockFailure(p.getOne(resource, { id: NO_SUCH_ID }))).code).toBe('NOT_FOUND');
    const { data } = await p.getList(resource, { ...PAGE, sort: { field: 'id', order: 'DESC' } });
    const ids = data.map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it.each(DIRECTIVE_RESOURCES)('%s: create, update (edit form), updateMany, delete and deleteMany', async (resource) => {
    const plan = PLANS[resource];
    const make = async () => String((await p.create(resource, { data: await plan.create() })).data.id);
    const id = await make();
    expect((await p.getOne(resource, { id })).data.id).toBe(id);

    const [field, value] = Object.entries(plan.change)[0];
    await editForm(p, resource, id, plan.change);
    expect((await p.getOne(resource, { id })).data[field]).toEqual(value);
    // No bulk mutation for these resources: without bulk actions the provider sends one update per id.
    const other = await make();
    await p.updateMany(resource, { ids: [other], data: plan.change });
    expect((await p.getOne(resource, { id: other })).data[field]).toEqual(value);

    await p.delete(resource, { id, previousData: { id } });
    expect((await stockFailure(p.getOne(resource, { id }))).code).toBe('NOT_FOUND');
    const more = [other, await make()];
    expect((await p.deleteMany(resource, { ids: more })).data?.map(String).sort()).toEqual([...more].sort());
    expect((await p.getMany(resource, { ids: more })).data).toHaveLength(0);
  });
});

describe('xa.mythanh and records outside Mỹ Thạnh: they read as missing, and cannot be changed or made', () => {
  let p: DataProvider;
  let admin: DataProvider;
  beforeAll(async () => {
    p = stockProvider(api, await api.login('xa.mythanh'));
    admin = stockProvider(api, await api.login('admin'));
  });

  it.each(DIRECTIVE_RESOURCES)('%s: getOne, update and delete of a Lương Hòa record are NOT_FOUND; getMany and getList leave it out', async (resource) => {
    const id = outside[resource];
    const record = (await admin.getOne(resource, { id })).data;
    expect((await stockFailure(p.getOne(resource, { id }))).code).toBe('NOT_FOUND');
    expect((await p.getMany(resource, { ids: [id, inside[resource]] })).data.map((r) => r.id)).toEqual([inside[resource]]);
    expect((await p.getList(resource, { ...PAGE, filter: { ids: [id] } })).total).toBe(0);
    expect((await stockFailure(p.update(resource, { id, data: { ...record, ...PLANS[resource].change }, previousData: record }))).code).toBe('NOT_FOUND');
    expect((await stockFailure(p.delete(resource, { id, previousData: record }))).code).toBe('NOT_FOUND');
    expect((await admin.getOne(resource, { id })).data).toEqual(record);
  });

  // Each create names a unit, member or parent record of Lương Hòa: refused on that field, nothing written.
  const outsideCreates: [DirectiveResource, string, () => Record<string, unknown>][] = [
    ['Document', 'issuerUnitId', () => ({ number: freshNumber(), issuedOn: '2026-01-02', title: 'x', issuerUnitId: String(UNIT.COMMUNE_LUONG_HOA) })],
    ['DocumentRecipient', 'unitId', () => ({ documentId: inside.Document, unitId: String(LUONG_HOA_CELL), sentOn: '2026-01-03' })],
    ['Activity', 'unitId', () => ({ kind: 'CELL_MEETING', unitId: String(LUONG_HOA_CELL), heldOn: '2026-02-10', title: 'x' })],
    ['Attendance', 'activityId', () => ({ activityId: outside.Activity, memberId: '2001', present: true })],
    ['StudyRegistration', 'memberId', () => ({ memberId: '2001', year: 2026, commitment: 'x' })],
    ['StudyEntry', 'registrationId', () => ({ registrationId: outside.StudyRegistration, month: 3, content: 'x' })],
    ['Commendation', 'memberId', () => ({ memberId: '2001', decidedOn: '2026-04-01', form: 'GIAY_KHEN', decidingUnitId: String(UNIT.COMMUNE_MY_TAN_HUNG) })],
    ['Discipline', 'memberId', () => ({ memberId: '2001', decidedOn: '2026-04-01', level: 'KHIEN_TRACH', violation: 'x', decidingUnitId: String(UNIT.COMMUNE_MY_TAN_HUNG) })],
    ['ExemplaryModel', 'unitId', () => ({ subject: 'COLLECTIVE', unitId: String(LUONG_HOA_CELL), year: 2026, title: 'x' })],
    ['Inspection', 'subjectUnitId', () => ({ kind: 'KIEM_TRA', inspectingUnitId: String(UNIT.COMMUNE_MY_TAN_HUNG), inspectingBody: 'COMMITTEE', subjectUnitId: String(LUONG_HOA_CELL), topic: 'x', startOn: '2026-05-01' })],
    ['InspectionAction', 'inspectionId', () => ({ inspectionId: outside.Inspection, action: 'x' })],
  ];

  it.each(outsideCreates)('%s: a create naming Lương Hòa is refused (BAD_USER_INPUT or NOT_FOUND on %s), nothing written', async (resource, field, data) => {
    const before = (await admin.getList(resource, PAGE)).total;
    const failure = await stockFailure(p.create(resource, { data: data() }));
    expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(failure.code);
    if (failure.code === 'BAD_USER_INPUT') expect(failure.field).toBe(field);
    expect((await admin.getList(resource, PAGE)).total).toBe(before);
  });
});

describe('a cell secretary (bithu.bendo) through the stock client: the commune register is FORBIDDEN, the cell work is not', () => {
  let p: DataProvider;
  beforeAll(async () => {
    p = stockProvider(api, await api.login('bithu.bendo'));
  });

  it.each(['Document', 'Activity', 'Commendation', 'Inspection'] as const)('%s: create and edit are FORBIDDEN', async (resource) => {
    expect((await stockFailure(p.create(resource, { data: await PLANS[resource].create() }))).code).toBe('FORBIDDEN');
    const record = (await p.getOne(resource, { id: inside[resource] })).data;
    expect((await stockFailure(p.update(resource, { id: record.id, data: { ...record, ...PLANS[resource].change }, previousData: record }))).code).toBe('FORBIDDEN');
  });

  it('StudyEntry: the secretary records a month of a Bến Đò member\'s registration', async () => {
    const { data } = await p.create('StudyEntry', { data: { registrationId: inside.StudyRegistration, month: 5, content: 'Tham gia làm đường' } });
    expect((await p.getOne('StudyEntry', { id: data.id })).data).toMatchObject({ month: 5, registrationId: inside.StudyRegistration });
  });
});
