/**
 * Reading an uploaded .xlsx defensively: the bytes are vetted as a zip holding a workbook (a renamed .zip, a .xls or
 * a text file is refused), the declared uncompressed size is bounded (zip bombs), the first sheet is streamed row by
 * row and reading stops as soon as the row limit is passed, and formulas or merged cells in the header refuse the
 * file: what a formula shows depends on the program that last computed it, and a merged header has no column.
 */
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { entryStream, zipEntries, ZipEntry } from './zip';

export type ReadCell = string | number | boolean | Date | null;

export interface ReadRow {
  /** 1-based row number as Excel shows it. */
  row: number;
  /** Index 0 is column A. */
  cells: ReadCell[];
}

export interface XlsxReadLimits {
  maxBytes: number;
  /** Data rows after the header. */
  maxRows: number;
  /** Sum of the declared uncompressed sizes of the entries. */
  maxUncompressedBytes?: number;
}

export type XlsxRejectReason = 'EMPTY' | 'TOO_LARGE' | 'NOT_XLSX' | 'TOO_MANY_ROWS' | 'FORMULA' | 'MERGED_CELLS' | 'NO_SHEET';

/** The whole file is refused, with a Vietnamese message (and the cell, when one is to blame). */
export class XlsxRejected extends Error {
  constructor(
    readonly reason: XlsxRejectReason,
    message: string,
    readonly cell?: string,
  ) {
    super(message);
    this.name = 'XlsxRejected';
  }
}

/** Column letters of a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Throws XlsxRejected unless the bytes are a zip holding a workbook; returns its entries. */
export function vetXlsx(buf: Buffer, limits: XlsxReadLimits): ZipEntry[] {
  if (buf.length === 0) throw new XlsxRejected('EMPTY', 'Tệp rỗng');
  if (buf.length > limits.maxBytes) throw new XlsxRejected('TOO_LARGE', `Tệp lớn quá ${mb(limits.maxBytes)}`);
  const entries = zipEntries(buf);
  if (!entries) throw new XlsxRejected('NOT_XLSX', 'Tệp không phải bảng tính Excel .xlsx (nếu là .xls hay .csv, hãy mở bằng Excel rồi lưu lại dạng .xlsx)');
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    throw new XlsxRejected('NOT_XLSX', 'Tệp là tệp nén .zip nhưng không phải bảng tính Excel .xlsx');
  }
  const max = limits.maxUncompressedBytes ?? limits.maxBytes * 20;
  if (entries.reduce((sum, e) => sum + e.size, 0) > max) throw new XlsxRejected('TOO_LARGE', `Bảng tính khi giải nén lớn quá ${mb(max)}`);
  return entries;
}

function plain(value: ExcelJS.CellValue, address: string): ReadCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('formula' in value || 'sharedFormula' in value) {
    throw new XlsxRejected('FORMULA', `Ô ${address} chứa công thức; hãy dán giá trị (Paste Values) thay cho công thức rồi tải lên lại`, address);
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return String(value.text ?? '');
  if ('error' in value) return String(value.error);
  return null;
}

const MERGE = /<mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/g;

/** The merged ranges of a worksheet entry, read as a stream (the ranges sit after all the rows). */
async function mergedRanges(buf: Buffer, entry: ZipEntry): Promise<{ ref: string; firstRow: number }[]> {
  const out: { ref: string; firstRow: number }[] = [];
  let carry = '';
  for await (const chunk of entryStream(buf, entry)) {
    const text = carry + (chunk as Buffer).toString('utf8');
    for (const m of text.matchAll(MERGE)) out.push({ ref: `${m[1]}${m[2]}${m[3] ? `:${m[3]}${m[4]}` : ''}`, firstRow: Number(m[2]) });
    // Keep a tail that may hold the start of a tag cut by the chunk boundary; never re-match a complete one.
    const cut = text.lastIndexOf('<');
    carry = cut >= 0 && text.length - cut < 200 && !text.slice(cut).includes('>') ? text.slice(cut) : '';
  }
  return out;
}

/**
 * The rows of the first worksheet (empty rows skipped). `onRows` is told the count read so far every 500 rows and
 * may await (the caller yields to the event loop there).
 */
export async function readFirstSheet(buf: Buffer, limits: XlsxReadLimits, onRows?: (count: number) => void | Promise<void>): Promise<{ sheetName: string; rows: ReadRow[] }> {
  const entries = vetXlsx(buf, limits);
  let sheetFile: string | null = null;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'emit',
  });
  // The reader is an EventEmitter at run time; its typings leave that out.
  (reader as unknown as NodeJS.EventEmitter).on('entry', (e: { type: string; id?: string }) => {
    if (e.type === 'worksheet' && sheetFile === null) sheetFile = `xl/worksheets/sheet${e.id}.xml`;
  });
  const rows: ReadRow[] = [];
  let sheetName: string | null = null;
  let dataRows = 0;
  for await (const worksheet of reader) {
    sheetName = (worksheet as unknown as { name?: string }).name ?? 'Sheet1';
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const cells: ReadCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        cells[col - 1] = plain(cell.value, `${columnLetter(col)}${row.number}`);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      if (!cells.some((c) => c !== null && !(typeof c === 'string' && c.trim() === ''))) continue;
      if (rows.length > 0) dataRows += 1;
      if (dataRows > limits.maxRows) {
        throw new XlsxRejected('TOO_MANY_ROWS', `Bảng tính có quá ${limits.maxRows.toLocaleString('vi-VN')} dòng dữ liệu; hãy chia thành nhiều tệp`);
      }
      rows.push({ row: row.number, cells });
      if (onRows && rows.length % 500 === 0) await onRows(rows.length);
    }
    break; // the first sheet only
  }
  if (sheetName === null || sheetFile === null) throw new XlsxRejected('NO_SHEET', 'Bảng tính không có trang tính nào');
  const entry = entries.find((e) => e.name === sheetFile);
  if (entry) {
    const headerRow = rows[0]?.row ?? 1;
    const merged = (await mergedRanges(buf, entry)).find((m) => m.firstRow <= headerRow);
    if (merged) throw new XlsxRejected('MERGED_CELLS', `Dòng tiêu đề có ô gộp (${merged.ref}); mỗi cột cần một ô tiêu đề riêng: hãy bỏ gộp ô`, merged.ref);
  }
  return { sheetName, rows };
}
