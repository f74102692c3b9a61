/**
 * List exports to .xlsx: the rows are exactly the list's rows under the same filter and order as the screen (the
 * GraphQL list), with the chosen columns under Vietnamese headers; a filter key the list does not have is refused.
 */
import ExcelJS from 'exceljs';
import { CELL, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
let xa = '';

beforeAll(async () => {
  // A small page maximum, so the commune's 189 members are more than one page may hold.
  api = await startTestApi({ env: { MAX_PER_PAGE: '100' } });
  xa = await api.login('xa.mythanh');
});
afterAll(() => api.close());

async function exportOf(path: string, token = xa): Promise<{ status: number; sheet: ExcelJS.Worksheet; body?: any; total?: string | null }> {
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) return { status: res.status, sheet: undefined as never, body: await res.json() };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  return { status: 200, sheet: wb.worksheets[0], total: res.headers.get('x-total-count') };
}

const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const out: unknown[][] = [];
  sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};

it('a member export with a filter has exactly the filtered rows, in the list order, under Vietnamese headers', async () => {
  const filter = { unitId: String(CELL.BEN_DO), gender: 'FEMALE' };
  const list = dataOf(
    await api.gql(`query($f: MemberFilter) { allMembers(filter: $f, sortField: "fullName", sortOrder: "DESC", perPage: 100) { fullName cardNumber birthDate } }`, { f: filter }, xa),
  ).allMembers as { fullName: string; cardNumber: string | null; birthDate: string | null }[];
  expect(list.length).toBeGreaterThan(1);
  const q = new URLSearchParams({ filter: JSON.stringify(filter), sort: 'fullName', order: 'DESC', columns: 'fullName,cardNumber,birthDate,cellId' });
  const { status, sheet, total } = await exportOf(`/exports/members.xlsx?${q}`);
  expect(status).toBe(200);
  const rows = rowsOf(sheet);
  expect(rows[0]).toEqual(['Họ và tên', 'Số thẻ đảng viên', 'Ngày sinh', 'Chi bộ']);
  expect(rows.slice(1).map((r) => r[0])).toEqual(list.map((m) => m.fullName));
  expect(rows.slice(1).map((r) => r[1] ?? null)).toEqual(list.map((m) => m.cardNumber));
  expect(rows.slice(1).every((r) => r[3] === 'Chi bộ ấp Bến Đò')).toBe(true);
  const firstBirth = list[0].birthDate;
  if (firstBirth) expect((rows[1][2] as Date).toISOString().slice(0, 10)).toBe(firstBirth);
  expect(total).toBe(String(list.length));
});

it('exports every member of the commune, more rows than the page maximum (no row cap)', async () => {
  const count = dataOf(await api.gql(`query($f: MemberFilter) { _allMembersMeta(filter: $f) { count } }`, { f: { unitId: String(UNIT.COMMUNE_MY_TAN_HUNG) } }, xa))._allMembersMeta.count;
  const { sheet } = await exportOf(`/exports/members.xlsx?${new URLSearchParams({ filter: JSON.stringify({ unitId: String(UNIT.COMMUNE_MY_TAN_HUNG) }) })}`);
  expect(count).toBeGreaterThan(100);
  expect(sheet.actualRowCount - 1).toBe(count);
});

it('units, documents, activities and evaluations export with their own headers', async () => {
  for (const [name, header] of [['units', 'Tên đơn vị'], ['documents', 'Số, ký hiệu'], ['activities', 'Ngày tổ chức'], ['evaluations', 'Mức quyết định']] as const) {
    const { status, sheet } = await exportOf(`/exports/${name}.xlsx`);
    expect(status).toBe(200);
    expect(rowsOf(sheet)[0]).toContain(header);
  }
});

it('refuses a filter the list does not have and an unknown column as bad input, and an unknown list as 404', async () => {
  const bad = await exportOf(`/exports/members.xlsx?filter=${encodeURIComponent('{"password":"x"}')}`);
  expect(bad.status).toBe(400);
  expect(bad.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
  const col = await exportOf(`/exports/members.xlsx?columns=fullName,secret`);
  expect(col.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'columns' });
  expect((await exportOf(`/exports/passwords.xlsx`)).status).toBe(404);
});
