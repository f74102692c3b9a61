import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { buildXlsx, readFirstSheet, writeXlsxStream, XlsxRejected } from './index';

const LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 100 };

async function streamed(rows: (string | number | null)[][], chunk = 3): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  async function* chunks() {
    for (let i = 0; i < rows.length; i += chunk) yield rows.slice(i, i + chunk);
  }
  const count = await writeXlsxStream(out, { name: 'Đảng viên', columns: [{ header: 'Họ và tên' }, { header: 'Ngày sinh', kind: 'date' }, { header: 'Số', kind: 'number' }] }, chunks());
  expect(count).toBe(rows.length);
  return Buffer.concat(parts);
}

describe('streamed .xlsx', () => {
  it('writes the Vietnamese header then every row of every chunk, in order, dates as real dates', async () => {
    const buf = await streamed([
      ['Nguyễn Văn Đức', '1970-03-05', 1],
      ['Trần Thị Ánh', null, 2],
      ['Lê Minh Ân', '1980-12-31', 3],
      ['Phạm Văn Bình', '1990-01-01', 4],
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Đảng viên');
    expect(ws.getRow(1).values).toEqual([undefined, 'Họ và tên', 'Ngày sinh', 'Số']);
    expect(ws.getCell('A5').value).toBe('Phạm Văn Bình');
    expect(ws.getCell('B2').value).toEqual(new Date(Date.UTC(1970, 2, 5)));
    expect(ws.getCell('B2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('B3').value).toBeNull();
    expect(ws.rowCount).toBe(5);
  });
});

describe('reading an upload', () => {
  it('reads back what buildXlsx wrote, row numbers as Excel shows them', async () => {
    const buf = await buildXlsx([{ name: 'Mẫu', columns: [{ header: 'Họ và tên' }, { header: 'Số thẻ' }], rows: [['Nguyễn Văn Đức', '012345'], [], ['Lê Minh Ân', null]] }]);
    const { rows } = await readFirstSheet(buf, LIMITS);
    expect(rows).toEqual([
      { row: 1, cells: ['Họ và tên', 'Số thẻ'] },
      { row: 2, cells: ['Nguyễn Văn Đức', '012345'] },
      { row: 4, cells: ['Lê Minh Ân'] },
    ]);
  });

  const rejected = async (buf: Buffer, limits = LIMITS) => {
    try {
      await readFirstSheet(buf, limits);
    } catch (e) {
      if (e instanceof XlsxRejected) return e;
      throw e;
    }
    throw new Error('expected a refusal');
  };

  it('refuses text that is not a workbook', async () => {
    expect((await rejected(Buffer.from('Họ và tên,Số thẻ\nA,1\n'))).reason).toBe('NOT_XLSX');
  });

  it('refuses a renamed .zip that holds no workbook', async () => {
    const zip = await new ExcelJS.Workbook().xlsx.writeBuffer(); // a valid zip…
    const bytes = Buffer.from(zip);
    // …whose workbook entry is renamed: still a zip, no longer a workbook.
    const renamed = Buffer.from(bytes.toString('latin1').split('xl/workbook.xml').join('xl/notebook.xml'), 'latin1');
    const e = await rejected(renamed);
    expect(e.reason).toBe('NOT_XLSX');
    expect(e.message).toContain('.zip');
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const buf = await buildXlsx([{ name: 'A', columns: [{ header: 'X' }], rows: [['a']] }]);
    expect((await rejected(buf, { maxBytes: 100, maxRows: 10 })).reason).toBe('TOO_LARGE');
  });

  it('stops at the row limit', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => [`Người ${i}`]);
    const buf = await buildXlsx([{ name: 'A', columns: [{ header: 'Họ và tên' }], rows }]);
    expect((await rejected(buf, { maxBytes: LIMITS.maxBytes, maxRows: 11 })).reason).toBe('TOO_MANY_ROWS');
    await expect(readFirstSheet(buf, { maxBytes: LIMITS.maxBytes, maxRows: 12 })).resolves.toBeDefined();
  });

  it('refuses a formula, naming its cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('A');
    ws.addRow(['Họ và tên', 'Tuổi']);
    ws.addRow(['Nguyễn Văn Đức', { formula: '1+1', result: 2 }]);
    const e = await rejected(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(e.reason).toBe('FORMULA');
    expect(e.cell).toBe('B2');
  });

  it('refuses merged header cells, naming the range', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('A');
    ws.addRow(['Họ và tên', '', 'Ngày sinh']);
    ws.addRow(['Nguyễn Văn Đức', '', '01/01/1970']);
    ws.mergeCells('A1:B1');
    const e = await rejected(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(e.reason).toBe('MERGED_CELLS');
    expect(e.cell).toBe('A1:B1');
  });
});
