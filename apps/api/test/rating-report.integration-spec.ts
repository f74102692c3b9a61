/**
 * The rating results report (issue 11, point 3): GET /reports/rating for the demo 2025 period at Mỹ Tân Hưng (the
 * commune Mỹ Thạnh became part of on 2025-07-01, which rated the year). The
 * .xlsx totals are exactly ratingSummary's (overall, by subject kind, by child unit), its list holds every decided
 * evaluation sorted by name the Vietnamese way; the .docx carries the Party title, the totals and the issuer and
 * signature blocks; a unit outside the caller's scope is NOT_FOUND, as for the directive report.
 */
import { docxText } from '@dangbo/reports';
import { LEVEL_LABELS, LEVEL_ORDER } from '@dangbo/shared-types';
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PERIOD, UNIT } from '../src/database/seeds/demo.constants';
import { dataOf, startTestApi, TestApi } from './support/harness';

let api: TestApi;
let btv = '';
const P = PERIOD.YEAR_2025;
const PARAMS = `periodId=${P}&unitId=${UNIT.COMMUNE_MY_TAN_HUNG}`;
const download = (path: string, token = btv) => fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

interface Group {
  label: string;
  total: number;
  decided: number;
  levels: { level: string; count: number; share: number }[];
}
interface Summary extends Group {
  bySubjectKind: Group[];
  byChildUnit: Group[];
}
let summary: Summary;

beforeAll(async () => {
  api = await startTestApi();
  btv = await api.login('btv.mythanh');
  const G = 'label total decided levels { level count share }';
  summary = dataOf(
    await api.gql<{ ratingSummary: Summary }>(`{ ratingSummary(periodId: ${P}, unitId: ${UNIT.COMMUNE_MY_TAN_HUNG}) { total decided levels { level count share } bySubjectKind { ${G} } byChildUnit { ${G} } } }`, {}, btv),
  ).ratingSummary;
}, 120_000);
afterAll(() => api.close());

const expectedRow = (section: string, label: string, g: Group) => [
  section,
  label,
  g.total,
  g.decided,
  ...LEVEL_ORDER.flatMap((l) => {
    const lc = g.levels.find((x) => x.level === l);
    return [lc?.count ?? 0, lc?.share ?? 0];
  }),
];

describe('the .xlsx of the 2025 ratings at Mỹ Tân Hưng', () => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    const res = await download(`/reports/rating?${PARAMS}&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.xlsx"; filename\*=UTF-8''/);
    book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  });

  const rowsOf = (name: string) => {
    const sheet = book.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    return rows;
  };

  it('has totals equal to ratingSummary: overall, by subject kind and by child unit, counts and shares', () => {
    expect(summary.decided).toBeGreaterThan(0);
    expect(summary.byChildUnit.length).toBeGreaterThan(1);
    const expected = [
      expectedRow('Toàn đơn vị', 'Tổng số', summary),
      ...summary.bySubjectKind.map((g) => expectedRow('Theo loại đối tượng', g.label, g)),
      ...summary.byChildUnit.map((g) => expectedRow('Theo đơn vị trực thuộc', g.label, g)),
    ];
    expect(rowsOf('Tổng hợp')).toEqual(expected);
  });

  it('lists every decided subject once, with its Vietnamese level name, in Vietnamese order of names', async () => {
    const list = rowsOf('Danh sách');
    expect(list).toHaveLength(summary.decided);
    const decided = await api.dataSource.query(
      `SELECT COUNT(*) n FROM evaluation e WHERE e.periodId = ? AND e.status = 'ACTIVE' AND e.stage = 'DECIDED'
        AND e.unitId IN (SELECT l.unitId FROM org_unit_link l WHERE l.parentId = ? AND l.validTo IS NULL UNION SELECT ?)`,
      [P, UNIT.COMMUNE_MY_TAN_HUNG, UNIT.COMMUNE_MY_TAN_HUNG],
    );
    expect(list).toHaveLength(Number(decided[0].n));
    const names = list.map((r) => String(r[1]));
    const collator = new Intl.Collator('vi');
    for (let i = 1; i < names.length; i++) expect(collator.compare(names[i - 1], names[i])).toBeLessThanOrEqual(0);
    // The order is not the code-point order (which puts "Đ" after "Z"): the test would catch a plain sort.
    expect(names).not.toEqual([...names].sort());
    expect(list.map((r) => r[0])).toEqual(list.map((_, i) => i + 1));
    const levelNames = LEVEL_ORDER.map((l) => LEVEL_LABELS[l].name);
    for (const r of list) expect(levelNames).toContain(r[4]);
    // The per-level counts of the list agree with the totals.
    for (const l of LEVEL_ORDER) expect(list.filter((r) => r[4] === LEVEL_LABELS[l].name)).toHaveLength(summary.levels.find((x) => x.level === l)?.count ?? 0);
  });
});

describe('the .docx', () => {
  let bytes: Buffer;
  let text: string;
  beforeAll(async () => {
    const res = await download(`/reports/rating?${PARAMS}&format=docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    bytes = Buffer.from(await res.arrayBuffer());
    text = await docxText(bytes);
  });

  it('opens in LibreOffice with its tables: headless soffice converts it to PDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dangbo-rating-'));
    try {
      writeFileSync(join(dir, 'xep-loai.docx'), bytes);
      await promisify(execFile)('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'xep-loai.docx')], { timeout: 120_000 });
      expect(existsSync(join(dir, 'xep-loai.pdf'))).toBe(true);
      expect(readFileSync(join(dir, 'xep-loai.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has the Party title for the year, the issuer block of the commune and the signature block', () => {
    expect(text).toContain('BÁO CÁO\nKết quả đánh giá, xếp loại chất lượng năm 2025');
    expect(text).toContain('ĐẢNG BỘ TỈNH VĨNH LONG\nĐẢNG ỦY XÃ MỸ TÂN HƯNG\n*\nSố');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM\nMỹ Tân Hưng, ngày');
    expect(text).toMatch(/T\/M ĐẢNG ỦY\nBÍ THƯ/);
  });

  it('writes the totals the Vietnamese way: counts of two digits under ten and shares with a decimal comma', () => {
    const pad = (n: number) => (n < 10 ? `0${n}` : new Intl.NumberFormat('vi-VN').format(n));
    expect(text).toContain(`Tổng số ${pad(summary.total)} đối tượng thuộc diện đánh giá, đã xếp loại ${pad(summary.decided)}`);
    const excellent = summary.levels.find((l) => l.level === 'EXCELLENT') ?? { count: -1, share: -1 };
    const share = `${(excellent.share * 100).toFixed(2).replace(/\.?0+$/, '').replace('.', ',')}%`;
    expect(text).toContain(`${pad(excellent.count)} (${share})`);
    for (const g of summary.byChildUnit) expect(text).toContain(g.label);
  });
});

describe('access and input', () => {
  it('answers NOT_FOUND for a unit outside the caller’s scope, like the directive report', async () => {
    const res = await download(`/reports/rating?${PARAMS}&format=xlsx`, await api.login('bithu.bendo'));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('needs a bearer token', async () => {
    const res = await download(`/reports/rating?${PARAMS}`, '');
    expect(res.status).toBe(401);
  });

  it('refuses an unknown format, naming the field', async () => {
    const res = await download(`/reports/rating?${PARAMS}&format=pdf`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe('format');
  });
});
