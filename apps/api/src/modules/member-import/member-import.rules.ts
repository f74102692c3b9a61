/**
 * Pure rules of the member import: the template's columns, matching the header row to them, and turning cells into
 * the member fields the member rules (member.rules.ts) then check. Every problem names the row and the column as
 * Excel shows them and says in Vietnamese what is wrong.
 */
import type { ReadCell, ReadRow } from '@dangbo/reports';
import { columnLetter } from '@dangbo/reports';
import { Gender } from '@dangbo/shared-types';
import { cleanText, foldForSearch, parseVietnameseDate } from '@dangbo/vn';

export type ImportField = 'fullName' | 'gender' | 'birthDate' | 'cardNumber' | 'recordNumber' | 'citizenId' | 'admittedOn' | 'officialOn' | 'cell' | 'note';

export interface ImportColumn {
  field: ImportField;
  header: string;
  required?: boolean;
  date?: boolean;
  hint: string;
}

/** The template, in the order of a party member register. */
export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { field: 'fullName', header: 'Họ và tên', required: true, hint: 'Nguyễn Văn Đức' },
  { field: 'gender', header: 'Giới tính', required: true, hint: 'Nam hoặc Nữ' },
  { field: 'birthDate', header: 'Ngày sinh', date: true, hint: '05/03/1970' },
  { field: 'cardNumber', header: 'Số thẻ đảng viên', hint: '12345678' },
  { field: 'recordNumber', header: 'Số lý lịch', hint: '123456BT' },
  { field: 'citizenId', header: 'Số CCCD', hint: '083070001234' },
  { field: 'admittedOn', header: 'Ngày vào Đảng', date: true, hint: '19/05/1995' },
  { field: 'officialOn', header: 'Ngày chính thức', date: true, hint: '19/05/1996' },
  { field: 'cell', header: 'Chi bộ', required: true, hint: 'Chi bộ ấp Bến Đò (tên hoặc mã chi bộ)' },
  { field: 'note', header: 'Ghi chú', hint: '' },
];

export interface ImportProblem {
  row: number;
  /** Column letter (A, B, …), or null for the whole row. */
  column: string | null;
  field: string | null;
  message: string;
}

export type RawMember = Partial<Record<ImportField, string>>;

export interface ParsedRow {
  row: number;
  values: RawMember;
}

/** Which column holds which field; problems for unknown or missing headers. */
export function matchHeader(header: ReadRow): { columns: Map<number, ImportColumn>; problems: ImportProblem[] } {
  const byFold = new Map(IMPORT_COLUMNS.map((c) => [foldForSearch(c.header), c]));
  const columns = new Map<number, ImportColumn>();
  const problems: ImportProblem[] = [];
  header.cells.forEach((cell, i) => {
    if (cell === null || String(cell).trim() === '') return;
    const column = byFold.get(foldForSearch(String(cell)));
    const letter = columnLetter(i + 1);
    if (!column) problems.push({ row: header.row, column: letter, field: null, message: `Cột "${String(cell).trim()}" không có trong mẫu; các cột của mẫu: ${IMPORT_COLUMNS.map((c) => c.header).join(', ')}` });
    else if ([...columns.values()].includes(column)) problems.push({ row: header.row, column: letter, field: column.field, message: `Cột "${column.header}" xuất hiện hai lần` });
    else columns.set(i, column);
  });
  for (const c of IMPORT_COLUMNS) {
    if (c.required && ![...columns.values()].includes(c)) problems.push({ row: header.row, column: null, field: c.field, message: `Thiếu cột bắt buộc "${c.header}"` });
  }
  return { columns, problems };
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const MAX_SERIAL = 2958465; // 9999-12-31

/** A date cell: dd/mm/yyyy text, an Excel serial number, or a date the reader already made; null when empty. */
export function dateOfCell(cell: ReadCell): string | null | { error: string } {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return null;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? { error: 'không phải ngày' } : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > MAX_SERIAL) return { error: `số ${cell} không phải ngày của Excel` };
    return new Date(EXCEL_EPOCH + cell * 86_400_000).toISOString().slice(0, 10);
  }
  const text = String(cell).trim();
  return parseVietnameseDate(text) ?? { error: `"${text}" không phải ngày hợp lệ (dạng dd/mm/yyyy, ví dụ 15/02/2017)` };
}

/** A text cell; whole numbers (a card number typed as a number) keep every digit. */
export function textOfCell(cell: ReadCell): string | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const text = cleanText(String(cell));
  return text === '' ? null : text;
}

export function genderOf(text: string): Gender | null {
  const f = foldForSearch(text);
  if (f === 'nam' || f === 'male' || f === 'm') return Gender.MALE;
  if (f === 'nu' || f === 'female' || f === 'f') return Gender.FEMALE;
  return null;
}

/** The data rows as field texts (dates as ISO), with the problems found in the cells themselves. */
export function parseRows(rows: readonly ReadRow[], columns: Map<number, ImportColumn>): { parsed: ParsedRow[]; problems: ImportProblem[] } {
  const parsed: ParsedRow[] = [];
  const problems: ImportProblem[] = [];
  for (const r of rows) {
    const values: RawMember = {};
    r.cells.forEach((cell, i) => {
      if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return;
      const column = columns.get(i);
      const letter = columnLetter(i + 1);
      if (!column) {
        problems.push({ row: r.row, column: letter, field: null, message: `Ô ${letter}${r.row} có dữ liệu nhưng không thuộc cột nào của mẫu` });
        return;
      }
      if (column.date) {
        const d = dateOfCell(cell);
        if (d && typeof d === 'object') problems.push({ row: r.row, column: letter, field: column.field, message: `${column.header}: ${d.error}` });
        else if (d) values[column.field] = d;
        return;
      }
      const text = textOfCell(cell);
      if (text !== null) values[column.field] = text;
    });
    for (const [i, c] of columns) {
      if (c.required && !values[c.field]) problems.push({ row: r.row, column: columnLetter(i + 1), field: c.field, message: `Thiếu ${c.header.toLocaleLowerCase('vi')}` });
    }
    if (values.gender && !genderOf(values.gender)) {
      const col = [...columns].find(([, c]) => c.field === 'gender')?.[0] ?? 0;
      problems.push({ row: r.row, column: columnLetter(col + 1), field: 'gender', message: `Giới tính "${values.gender}" không hợp lệ: ghi Nam hoặc Nữ` });
    }
    parsed.push({ row: r.row, values });
  }
  return { parsed, problems };
}

/** The letter of the column that holds `field` ("D"), for problems found later (by the member rules). */
export function letterOf(columns: Map<number, ImportColumn>, field: string): string | null {
  for (const [i, c] of columns) if (c.field === field) return columnLetter(i + 1);
  return null;
}
