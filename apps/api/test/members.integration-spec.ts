import { CELL, MEMBER, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const counts = async () => {
  const [m] = await api.dataSource.query('SELECT COUNT(*) AS n FROM member');
  const [a] = await api.dataSource.query('SELECT COUNT(*) AS n FROM audit_entry');
  const [s] = await api.dataSource.query('SELECT COUNT(*) AS n FROM member_assignment');
  return [Number(m.n), Number(a.n), Number(s.n)];
};

const CREATE = `mutation($fullName: String!, $cellId: ID!, $birthDate: String, $admittedOn: String, $officialOn: String, $gender: Gender!) {
  createMember(fullName: $fullName, gender: $gender, cellId: $cellId, birthDate: $birthDate, admittedOn: $admittedOn, officialOn: $officialOn) {
    id fullName familyName middleName givenName status cellId version
  }
}`;
const create = (vars: Record<string, unknown>) =>
  api.gql(CREATE, { gender: 'MALE', cellId: String(CELL.BEN_DO), birthDate: '1980-01-01', admittedOn: '2005-03-02', ...vars });

describe('reading members', () => {
  it('counts 189 members in the whole subtree of Mỹ Thạnh while it stood, and 213 in Mỹ Tân Hưng (with its neighbours\u2019 24) today', async () => {
    const count = async (unitId: number, asOf?: string) =>
      dataOf(await api.gql(`query($f: MemberFilter) { _allMembersMeta(filter: $f) { count } }`, { f: { unitId: String(unitId), ...(asOf ? { asOf } : {}) } }))._allMembersMeta.count;
    expect(await count(UNIT.COMMUNE_MY_THANH, '2017-02-15')).toBe(189);
    expect(await count(UNIT.COMMUNE_MY_THANH, '2025-06-30')).toBe(189);
    // Since 2025-07-01 its cells are Mỹ Tân Hưng's: the ended commune holds no one today.
    expect(await count(UNIT.COMMUNE_MY_THANH)).toBe(0);
    expect(await count(UNIT.COMMUNE_MY_TAN_HUNG)).toBe(189 + 24);
  });

  it('searches without diacritics: "nguyen van" finds Nguyễn Văn …, "duc" finds Đức', async () => {
    const res = dataOf(await api.gql(`{ a: allMembers(filter: {q: "nguyen van"}) { fullName } b: allMembers(filter: {q: "duc"}) { fullName } }`));
    expect(res.a.length).toBeGreaterThan(0);
    for (const m of res.a) expect(m.fullName).toMatch(/^Nguyễn Văn /);
    expect(res.b.map((m: { fullName: string }) => m.fullName)).toContain('Nguyễn Văn Đức');
    for (const m of res.b) expect(m.fullName).toMatch(/Đức|Dục|Dực|Duc/);
  });

  it('gives the cell, positions and party age', async () => {
    const m = dataOf(await api.gql(`{ Member(id: ${MEMBER.SECRETARY_NGHIA_HUAN}) { fullName cell { name parent { name } } positions { title unitId } partyAgeYears } }`)).Member;
    expect(m.fullName).toBe('Nguyễn Văn Đức');
    expect(m.cell).toEqual({ name: 'Chi bộ ấp Nghĩa Huấn', parent: { name: 'Đảng bộ xã Mỹ Tân Hưng' } });
    expect(m.positions.map((p: { title: string }) => p.title)).toEqual(expect.arrayContaining(['SECRETARY', 'COMMITTEE_MEMBER']));
    expect(m.partyAgeYears).toBeGreaterThan(0);
  });
});

describe('Vietnamese order', () => {
  it('sorts by given name the Vietnamese way: An < Anh < Ánh < Ăn < Ân, Duy < Đức, O < Ô < Ơ', async () => {
    const cell = dataOf(await api.gql(`mutation { createOrgUnit(kind: CELL, name: "Chi bộ sắp xếp", parentId: ${UNIT.COMMUNE_SON_PHU}) { id } }`)).createOrgUnit.id;
    const givens = ['Ơ', 'Ân', 'Đức', 'An', 'Ô', 'Ánh', 'Duy', 'Ăn', 'O', 'Anh'];
    for (const g of givens) dataOf(await create({ fullName: `Phạm Văn ${g}`, cellId: cell }));
    const res = dataOf(await api.gql(`{ allMembers(sortField: "fullName", sortOrder: "ASC", filter: {unitId: ${cell}}) { givenName } }`));
    expect(res.allMembers.map((m: { givenName: string }) => m.givenName)).toEqual(['An', 'Anh', 'Ánh', 'Ăn', 'Ân', 'Duy', 'Đức', 'O', 'Ô', 'Ơ']);
    const desc = dataOf(await api.gql(`{ allMembers(sortField: "fullName", sortOrder: "DESC", filter: {unitId: ${cell}}) { givenName } }`));
    expect(desc.allMembers[0].givenName).toBe('Ơ');
  });

  it('breaks ties on given name by family, then middle name, then birth date (older first)', async () => {
    const cell = dataOf(await api.gql(`mutation { createOrgUnit(kind: CELL, name: "Chi bộ cùng tên", parentId: ${UNIT.COMMUNE_SON_PHU}) { id } }`)).createOrgUnit.id;
    dataOf(await create({ fullName: 'Trần Văn Hùng', cellId: cell, birthDate: '1970-01-01' }));
    dataOf(await create({ fullName: 'Lê Văn Hùng', cellId: cell }));
    dataOf(await create({ fullName: 'Trần Anh Hùng', cellId: cell }));
    dataOf(await create({ fullName: 'Trần Văn Hùng', cellId: cell, birthDate: '1960-01-01' }));
    const res = dataOf(await api.gql(`{ allMembers(sortField: "fullName", filter: {unitId: ${cell}}) { fullName birthDate } }`));
    expect(res.allMembers.map((m: { fullName: string; birthDate: string }) => `${m.fullName} ${m.birthDate}`)).toEqual([
      'Lê Văn Hùng 1980-01-01',
      'Trần Anh Hùng 1980-01-01',
      'Trần Văn Hùng 1960-01-01',
      'Trần Văn Hùng 1970-01-01',
    ]);
  });
});

describe('writing members', () => {
  it('stores NFD input as NFC and splits the name', async () => {
    const nfd = 'Nguyễn Thị Hoà'.normalize('NFD');
    const m = dataOf(await create({ fullName: `  ${nfd} `, gender: 'FEMALE' })).createMember;
    expect(m.fullName).toBe('Nguyễn Thị Hoà'.normalize('NFC'));
    expect([m.familyName, m.middleName, m.givenName]).toEqual(['Nguyễn', 'Thị', 'Hoà']);
    const [row] = await api.dataSource.query('SELECT fullName FROM member WHERE id = ?', [m.id]);
    expect(row.fullName).toBe('Nguyễn Thị Hoà'.normalize('NFC'));
    expect(dataOf(await api.gql(`{ allMembers(filter: {q: "hoa", ids: ["${m.id}"]}) { id } }`)).allMembers).toHaveLength(1);
  });

  it('transfers a member to another cell and keeps the history', async () => {
    const m = dataOf(await create({ fullName: 'Võ Văn Chuyển' })).createMember;
    const moved = dataOf(
      await api.gql(`mutation($id: ID!, $v: Int) { updateMember(id: $id, cellId: ${CELL.Y_TE}, transferredOn: "2020-06-01", version: $v) { cell { name } memberships { unitId validFrom validTo } } }`, {
        id: m.id,
        v: m.version,
      }),
    ).updateMember;
    expect(moved.cell.name).toBe('Chi bộ Y tế');
    expect(moved.memberships).toEqual([
      { unitId: String(CELL.BEN_DO), validFrom: '2005-03-02', validTo: '2020-06-01' },
      { unitId: String(CELL.Y_TE), validFrom: '2020-06-01', validTo: null },
    ]);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const m = dataOf(await create({ fullName: 'Đỗ Văn Khóa' })).createMember;
    dataOf(await api.gql(`mutation($id: ID!, $v: Int) { updateMember(id: $id, note: "lần 1", version: $v) { id } }`, { id: m.id, v: m.version }));
    expect(errorOf(await api.gql(`mutation($id: ID!, $v: Int) { updateMember(id: $id, note: "lần 2", version: $v) { id } }`, { id: m.id, v: m.version })).code).toBe('CONFLICT');
    expect(dataOf(await api.gql(`{ Member(id: ${m.id}) { note } }`)).Member.note).toBe('lần 1');
  });
});

describe('bad input: BAD_USER_INPUT naming the field, in Vietnamese, nothing written', () => {
  const cases: [string, () => ReturnType<TestApi['gql']>, string, RegExp][] = [
    ['official date before the admission date', () => create({ fullName: 'Lê Văn Sai', admittedOn: '2010-05-01', officialOn: '2010-04-30' }), 'officialOn', /trước ngày vào Đảng/],
    ['a birth date in the future', () => create({ fullName: 'Lê Văn Tương Lai', birthDate: '2999-01-01', admittedOn: null }), 'birthDate', /sau ngày hôm nay/],
    ['an empty name', () => create({ fullName: '   ' }), 'fullName', /không được để trống/],
    ['an unknown unit', () => create({ fullName: 'Lê Văn Lạc', cellId: '987654' }), 'cellId', /Không có chi bộ/],
    ['a commune instead of a cell', () => create({ fullName: 'Lê Văn Xã', cellId: String(UNIT.COMMUNE_MY_THANH) }), 'cellId', /không phải chi bộ/],
    ['perPage 100000', () => api.gql(`{ allMembers(perPage: 100000) { id } }`), 'perPage', /Số dòng mỗi trang/],
    ['an unknown sortField', () => api.gql(`{ allMembers(sortField: "password") { id } }`), 'sortField', /Không sắp xếp được/],
  ];

  it.each(cases)('%s', async (_name, call, field, message) => {
    const before = await counts();
    const e = errorOf(await call());
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('a bad update changes nothing', async () => {
    const before = dataOf(await api.gql(`{ Member(id: ${MEMBER.SECRETARY_BEN_DO}) { fullName officialOn version } }`)).Member;
    const e = errorOf(await api.gql(`mutation { updateMember(id: ${MEMBER.SECRETARY_BEN_DO}, fullName: "Tên Mới", officialOn: "1900-01-01") { id } }`));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', field: 'officialOn' });
    expect(dataOf(await api.gql(`{ Member(id: ${MEMBER.SECRETARY_BEN_DO}) { fullName officialOn version } }`)).Member).toEqual(before);
  });
});
