/**
 * The directive implementation report as a Word file: GET /reports/directive for 05-CT/TW at Mỹ Thạnh over
 * 2016-05-15..2017-02-28 carries the customer's figures, computed from data (13/13, 178/189 = 94,18%, 81,85%,
 * 75,4%, 02 tập thể and 18 cá nhân commended), the issuer block as of 2017 (the district above the commune) and
 * the signature block; LibreOffice opens it (converts it to PDF). A draft's texts go into sections 2 and 3, and
 * issuing the report takes the next BC number of the register and keeps it as a Document: since Mỹ Thạnh ended on
 * 2025-06-30 its history is read-only, so the draft is the report of Mỹ Tân Hưng (which it became part of).
 */
import { docxText } from '@dangbo/reports';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DIRECTIVE_REPORT, DOCUMENT, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, errorOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
let xa = '';
const PARAMS = `documentId=${DOCUMENT.CT_05}&unitId=${UNIT.COMMUNE_MY_THANH}&from=${DIRECTIVE_REPORT.FROM}&to=${DIRECTIVE_REPORT.TO}`;

const download = (path: string, token = xa) => fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  api = await startTestApi();
  xa = await api.login('xa.mythanh');
});
afterAll(() => api.close());

describe('the directive report of 05-CT/TW at Mỹ Thạnh', () => {
  let bytes: Buffer;
  let text: string;
  beforeAll(async () => {
    const res = await download(`/reports/directive?${PARAMS}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.docx"; filename\*=UTF-8''/);
    bytes = Buffer.from(await res.arrayBuffer());
    text = await docxText(bytes);
  });

  it.each(['13/13', '178/189', '94,18%', '81,85%', '75,4%', '02 tập thể', '18 cá nhân'])('carries the figure %s, computed from the data', (figure) => {
    expect(text).toContain(figure);
  });

  it('is issued by the commune committee under the district of 2017, with the Party header and the date line', () => {
    expect(text).toContain('ĐẢNG BỘ HUYỆN GIỒNG TRÔM\nĐẢNG ỦY XÃ MỸ THẠNH\n*\nSố');
    expect(text).toMatch(/Số\s+-BC\/ĐU/);
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM\nMỹ Thạnh, ngày');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Thực hiện Công văn số 124-CV/BTGHU, ngày 23/02/2017 của');
  });

  it('ends with the signature block and the recipients', () => {
    expect(text).toMatch(/T\/M ĐẢNG ỦY\nBÍ THƯ/);
    expect(text).toContain('Nơi nhận:');
    expect(text.indexOf('3- Phương hướng nhiệm vụ')).toBeLessThan(text.indexOf('T/M ĐẢNG ỦY'));
  });

  it('opens in LibreOffice: headless soffice converts it to PDF without error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangbo-report-'));
    try {
      writeFileSync(join(dir, 'bao-cao.docx'), bytes);
      await promisify(execFile)('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'bao-cao.docx')], { timeout: 120_000 });
      const pdf = join(dir, 'bao-cao.pdf');
      expect(existsSync(pdf)).toBe(true);
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('access', () => {
  it('needs a bearer token', async () => {
    const res = await download(`/reports/directive?${PARAMS}`, '');
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error.code).toBe('UNAUTHENTICATED');
  });

  it('answers NOT_FOUND for a unit outside the caller’s scope (a cell secretary asking for the commune)', async () => {
    const res = await download(`/reports/directive?${PARAMS}`, await api.login('bithu.bendo'));
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('NOT_FOUND');
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const res = await download(`/reports/directive?documentId=${DOCUMENT.CT_05}&unitId=${UNIT.COMMUNE_MY_THANH}&from=2017-02-28&to=2016-05-15`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.field).toBe('to');
  });
});

describe('a draft, then the issued report', () => {
  const CREATE = `mutation($u: ID!, $d: ID!, $f: String!, $t: String!, $s: String) {
    createReportDraft(unitId: $u, documentId: $d, periodFrom: $f, periodTo: $t, strengths: $s) { id title strengths limitations recipients issuedDocumentId } }`;
  // The second half of 2025 at Mỹ Tân Hưng: the commune xa.mythanh works for since 2025-07-01.
  const H2 = { from: '2025-07-01', to: '2025-12-31' };
  const H2_PARAMS = `documentId=${DOCUMENT.CT_05}&unitId=${UNIT.COMMUNE_MY_TAN_HUNG}&from=${H2.from}&to=${H2.to}`;
  let draftId = '';

  it('is refused for the ended Mỹ Thạnh: its history reads, and is changed by no one below the level above', async () => {
    const e = errorOf(await api.gql(CREATE, { u: String(UNIT.COMMUNE_MY_THANH), d: String(DOCUMENT.CT_05), f: DIRECTIVE_REPORT.FROM, t: DIRECTIVE_REPORT.TO }, xa));
    expect(e.code).toBe('FORBIDDEN');
  });

  it('is pre-filled from the figures and keeps the clerk’s texts', async () => {
    // The province's propaganda board asks for the report (recorded by the commune): the draft is sent back to it.
    const ask = `mutation { createDocument(number: "15-CV/BTGTU", issuedOn: "2025-11-20", title: "Về việc báo cáo thực hiện Chỉ thị số 05-CT/TW", issuerName: "Ban Tuyên giáo Tỉnh ủy Vĩnh Long", ownerUnitId: ${UNIT.COMMUNE_MY_TAN_HUNG}, implementsId: ${DOCUMENT.CT_05}) { id } }`;
    dataOf(await api.gql(ask, {}, xa));
    const res = dataOf(await api.gql(CREATE, { u: String(UNIT.COMMUNE_MY_TAN_HUNG), d: String(DOCUMENT.CT_05), f: H2.from, t: H2.to, s: '- Đảng ủy luôn quan tâm chỉ đạo thực hiện Chỉ thị 05.' }, xa));
    draftId = res.createReportDraft.id;
    expect(res.createReportDraft.title).toContain('05-CT/TW');
    expect(res.createReportDraft.strengths).toBe('- Đảng ủy luôn quan tâm chỉ đạo thực hiện Chỉ thị 05.');
    expect(res.createReportDraft.recipients).toContain('Ban Tuyên giáo');
    const text = await docxText(Buffer.from(await (await download(`/reports/directive?${H2_PARAMS}`)).arrayBuffer()));
    expect(text).toContain('* Mặt được:\n- Đảng ủy luôn quan tâm chỉ đạo thực hiện Chỉ thị 05.');
  });

  it('issuing takes the next Báo cáo number of the commune for the year and keeps the report as a Document', async () => {
    const ISSUE = `mutation($id: ID!, $on: String) { issueReport(draftId: $id, issuedOn: $on) { issuedDocumentId issuedDocument { number typeName issuedOn issuerName } } }`;
    const issued = dataOf(await api.gql(ISSUE, { id: draftId, on: '2026-03-02' }, xa)).issueReport;
    expect(issued.issuedDocument).toEqual({ number: '01-BC/ĐU', typeName: 'Báo cáo', issuedOn: '2026-03-02', issuerName: 'Đảng ủy xã Mỹ Tân Hưng' });
    const text = await docxText(Buffer.from(await (await download(`/reports/directive?draftId=${draftId}`)).arrayBuffer()));
    expect(text).toContain('Số 01-BC/ĐU');
    expect(text).toContain('ĐẢNG BỘ TỈNH VĨNH LONG\nĐẢNG ỦY XÃ MỸ TÂN HƯNG');
    expect(text).toContain('Mỹ Tân Hưng, ngày 02 tháng 3 năm 2026');
    // Frozen once issued.
    expect(errorOf(await api.gql(ISSUE, { id: draftId, on: '2026-03-03' }, xa)).code).toBe('CONFLICT');
  });
});
