/**
 * Importing members from .xlsx: all rows in one transaction or none; every problem reported with its row and
 * column; matched on card number or citizen id (never on name); the same file twice changes nothing the second
 * time and writes no audit entry; and files that are not what they claim are refused with a clear answer.
 */
import ExcelJS from 'exceljs';
import { CELL, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
let xa = '';

beforeAll(async () => {
  api = await startTestApi();
  xa = await api.login('xa.mythanh');
});
afterAll(() => api.close());

const HEADER = ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số thẻ đảng viên', 'Số lý lịch', 'Số CCCD', 'Ngày vào Đảng', 'Ngày chính thức', 'Chi bộ', 'Ghi chú'];
type Cell = string | number | null | { formula: string; result?: number };

async function xlsx(rows: Cell[][], edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đảng viên');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Row i of a clean file: unique card (70xxxxxx) and citizen numbers; dates alternate text and Excel serials. */
const person = (i: number, prefix = '70'): Cell[] => [
  `Nguyễn Văn Nhập ${i}`,
  i % 2 ? 'Nam' : 'Nữ',
  i % 2 ? '05/03/1970' : 25632, // 1970-03-05 as an Excel serial
  `${prefix}${String(i).padStart(6, '0')}`,
  null,
  `0830${prefix}${String(i).padStart(6, '0')}`,
  '19/05/1995',
  '19/05/1996',
  'Chi bộ ấp Bến Đò',
  null,
];

async function upload(bytes: Buffer, dryRun: boolean, token = xa) {
  const res = await fetch(`${api.url}/imports/members?dryRun=${dryRun ? 1 : 0}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    body: bytes,
  });
  return { status: res.status, body: (await res.json()) as any };
}

const count = async (sql: string): Promise<number> => Number((await api.dataSource.query(sql))[0].n);
const membersOfBenDo = () => count(`SELECT COUNT(*) n FROM member_assignment WHERE unitId = ${CELL.BEN_DO} AND validTo IS NULL`);
const auditRows = () => count(`SELECT COUNT(*) n FROM audit_entry`);

describe('a file of 10,000 rows', () => {
  let clean: Buffer;
  beforeAll(async () => {
    clean = await xlsx(Array.from({ length: 10_000 }, (_, i) => person(i + 1)));
  });

  it('with one bad row commits nothing and reports that row and column', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => person(i + 1, '71'));
    rows[4999][2] = '31/02/1980';
    const before = await membersOfBenDo();
    const { status, body } = await upload(await xlsx(rows), false);
    expect(status).toBe(422);
    expect(body.committed).toBe(false);
    expect(body.problems).toEqual([{ row: 5001, column: 'C', field: 'birthDate', message: expect.stringContaining('31/02/1980') }]);
    expect(await membersOfBenDo()).toBe(before);
  });

  it('clean: the dry run finds no problem and writes nothing; the commit creates all 10,000 members', async () => {
    const before = await membersOfBenDo();
    const dry = await upload(clean, true);
    expect(dry.body).toMatchObject({ dryRun: true, committed: false, rows: 10_000, created: 10_000, updated: 0, problems: [] });
    expect(await membersOfBenDo()).toBe(before);
    const { status, body } = await upload(clean, false);
    expect(status).toBe(200);
    expect(body).toMatchObject({ committed: true, created: 10_000, updated: 0, unchanged: 0 });
    expect(await membersOfBenDo()).toBe(before + 10_000);
    // One mutation: one request, one summary entry and an entry per member, all written together.
    const audit = (await api.dataSource.query(`SELECT COUNT(*) n, COUNT(DISTINCT requestId) requests, SUM(entity = 'MemberImport') summaries FROM audit_entry WHERE operation = 'importMembers'`))[0];
    expect({ n: Number(audit.n), requests: Number(audit.requests), summaries: Number(audit.summaries) }).toEqual({ n: 10_001, requests: 1, summaries: 1 });
    const row = (await api.dataSource.query(`SELECT birthDate, status, gender FROM member WHERE cardNumber = '70000002'`))[0];
    expect(row).toMatchObject({ birthDate: '1970-03-05', status: 'OFFICIAL', gender: 'FEMALE' });
  });

  it('imported again, changes nothing and writes no audit entry', async () => {
    const audits = await auditRows();
    const { body } = await upload(clean, false);
    expect(body).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 10_000, problems: [] });
    expect(await auditRows()).toBe(audits);
  });
});

describe('matching', () => {
  it('updates the member holding the card number; a row with the same name and no number is a new member', async () => {
    const existing = dataOf(await api.gql(`query($f: MemberFilter) { allMembers(filter: $f, perPage: 1) { id fullName cardNumber gender } }`, { f: { unitId: String(CELL.NGHIA_HUAN) } }, xa)).allMembers[0];
    const gender = existing.gender === 'MALE' ? 'Nam' : 'Nữ';
    const file = await xlsx([
      [existing.fullName, gender, null, existing.cardNumber, null, null, null, null, 'Chi bộ ấp Nghĩa Huấn', 'Cập nhật từ tệp'],
      [existing.fullName, gender, '01/01/1990', null, null, null, null, null, 'Chi bộ ấp Nghĩa Huấn', null],
    ]);
    const { body } = await upload(file, false);
    expect(body).toMatchObject({ committed: true, created: 1, updated: 1, problems: [] });
    const after = dataOf(await api.gql(`query($id: ID!) { Member(id: $id) { note cardNumber } }`, { id: existing.id }, xa)).Member;
    expect(after).toEqual({ note: 'Cập nhật từ tệp', cardNumber: existing.cardNumber });
  });

  it('a card number held by a member outside the caller’s scope is a problem that does not name them', async () => {
    const other = dataOf(await api.gql(`query($f: MemberFilter) { allMembers(filter: $f, perPage: 1) { fullName cardNumber } }`, { f: { unitId: String(UNIT.COMMUNE_LUONG_HOA) } })).allMembers[0];
    const { body } = await upload(await xlsx([['Người Mới', 'Nam', null, other.cardNumber, null, null, null, null, 'Chi bộ ấp Bến Đò', null]]), true);
    expect(body.problems).toHaveLength(1);
    expect(body.problems[0]).toMatchObject({ row: 2, column: 'D', field: 'cardNumber', message: expect.stringContaining('ngoài phạm vi') });
    expect(body.problems[0].message).not.toContain(other.fullName);
  });

  it('lists every problem: missing name, bad date, duplicate card in the file, unknown cell, a value outside the columns', async () => {
    const rows = [1, 2, 3, 4, 5].map((i) => person(i, '72'));
    rows[0][0] = null;
    rows[1][6] = '2/30/1995';
    rows[3][8] = 'Chi bộ không có';
    rows[4][3] = rows[2][3];
    const file = await xlsx(rows, (ws) => {
      ws.getCell('L5').value = 'lạc cột';
    });
    const { body } = await upload(file, true);
    expect(body.problems.map((p: any) => [p.row, p.column, p.field])).toEqual([
      [2, 'A', 'fullName'],
      [3, 'G', 'admittedOn'],
      [5, 'I', 'cell'],
      [5, 'L', null],
      [6, 'D', 'cardNumber'],
    ]);
    expect(body.problems[4].message).toContain('trùng với dòng 4');
    for (const p of body.problems) expect(p.message).toMatch(/[àáảãạăâđêôơư]/i);
  });
});

describe('bad files', () => {
  const refused = async (bytes: Buffer) => upload(bytes, true);

  it('a text file is not an .xlsx', async () => {
    const { status, body } = await refused(Buffer.from('Họ và tên;Giới tính\nA;Nam\n'));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_XLSX' });
  });

  it('a renamed .zip is refused as not a workbook', async () => {
    const bytes = await xlsx([person(1, '73')]);
    const zip = Buffer.from(bytes.toString('latin1').split('xl/workbook.xml').join('xl/notebook.xml'), 'latin1');
    expect((await refused(zip)).body.error.reason).toBe('NOT_XLSX');
  });

  it('a formula is refused, naming its cell', async () => {
    const rows = [person(1, '74')];
    rows[0][9] = { formula: '1+1', result: 2 };
    const { body } = await refused(await xlsx(rows));
    expect(body.error).toMatchObject({ reason: 'FORMULA', cell: 'J2' });
  });

  it('merged header cells are refused', async () => {
    const { body } = await refused(await xlsx([person(1, '75')], (ws) => ws.mergeCells('A1:B1')));
    expect(body.error).toMatchObject({ reason: 'MERGED_CELLS' });
  });

  it('more than 20,000 rows is refused before any row is checked', async () => {
    const { status, body } = await refused(await xlsx(Array.from({ length: 20_001 }, (_, i) => [`Người ${i}`])));
    expect(status).toBe(400);
    expect(body.error.reason).toBe('TOO_MANY_ROWS');
  });

  it('an upload without a token is refused before it is read (401, not the 413 of reading it)', async () => {
    const res = await fetch(`${api.url}/imports/members?dryRun=1`, { method: 'POST', body: Buffer.alloc(11 * 1024 * 1024, 1) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error.code).toBe('UNAUTHENTICATED');
  });

  it('a body over 10 MB is refused with 413', async () => {
    const { status, body } = await refused(Buffer.alloc(11 * 1024 * 1024, 1));
    expect(status).toBe(413);
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('the template downloads and imports as an empty file with no problem', async () => {
    const res = await fetch(`${api.url}/imports/members/template.xlsx`, { headers: { authorization: `Bearer ${xa}` } });
    expect(res.status).toBe(200);
    const { body } = await upload(Buffer.from(await res.arrayBuffer()), true);
    expect(body).toMatchObject({ rows: 0, problems: [] });
  });
});
