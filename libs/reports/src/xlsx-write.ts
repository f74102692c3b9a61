/**
 * .xlsx from plain rows. `writeXlsxStream` streams (exceljs WorkbookWriter): rows are committed as they come and
 * the zip is written to the output stream, so a sheet of any length costs the memory of one chunk. `buildXlsx` makes
 * small workbooks (templates) in memory.
 */
import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';

/** `percent` holds a share 0..1 and shows it as a percentage. */
export type ColumnKind = 'text' | 'number' | 'date' | 'boolean' | 'percent';

export interface SheetColumn {
  header: string;
  kind?: ColumnKind;
  /** Characters. */
  width?: number;
}

export interface SheetSpec {
  name: string;
  columns: readonly SheetColumn[];
}

/** A plain value for a cell: dates are YYYY-MM-DD text (written as real dates, shown dd/mm/yyyy). */
export type CellInput = string | number | boolean | Date | null | undefined;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function cellValue(value: CellInput, kind: ColumnKind | undefined): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (kind === 'date' && typeof value === 'string') {
    const m = ISO.exec(value);
    // UTC midnight: exceljs turns a Date into a serial from its UTC time, so the day never shifts.
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : value;
  }
  if (typeof value === 'string') return value.normalize('NFC');
  return value;
}

function styleColumns(sheet: ExcelJS.Worksheet, columns: readonly SheetColumn[]): void {
  sheet.columns = columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width ?? Math.min(60, Math.max(10, c.header.length + 2)),
    style: c.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : c.kind === 'number' ? { numFmt: '#,##0' } : c.kind === 'percent' ? { numFmt: '0.00%' } : {},
  }));
}

function headerRow(sheet: ExcelJS.Worksheet, columns: readonly SheetColumn[]): ExcelJS.Row {
  const row = sheet.addRow(columns.map((c) => c.header.normalize('NFC')));
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  return row;
}

/**
 * Streams one sheet to `out`: the header row, then every row of every chunk. Resolves with the number of data rows
 * once the workbook is complete and flushed.
 */
export async function writeXlsxStream(out: Writable, spec: SheetSpec, chunks: AsyncIterable<readonly (readonly CellInput[])[]>): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'dangbo';
  const sheet = workbook.addWorksheet(spec.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  styleColumns(sheet, spec.columns);
  headerRow(sheet, spec.columns).commit();
  let count = 0;
  for await (const chunk of chunks) {
    for (const values of chunk) {
      sheet.addRow(spec.columns.map((c, i) => cellValue(values[i], c.kind))).commit();
      count += 1;
    }
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

/** A small workbook in memory (a template, a summary): one sheet per spec with its rows. */
export async function buildXlsx(sheets: readonly (SheetSpec & { rows: readonly (readonly CellInput[])[]; notes?: readonly string[] })[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dangbo';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    styleColumns(sheet, spec.columns);
    headerRow(sheet, spec.columns);
    for (const values of spec.rows) sheet.addRow(spec.columns.map((c, i) => cellValue(values[i], c.kind)));
    // Columns typed as text stay text when the clerk types digits (card numbers keep their leading zeros).
    spec.columns.forEach((c, i) => {
      if (c.kind === 'text' || c.kind === undefined) sheet.getColumn(i + 1).numFmt = '@';
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
