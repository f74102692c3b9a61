/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF rows, and a UTF-8 byte-order mark so Excel reads Vietnamese
 * letters correctly instead of guessing a Windows code page.
 */
const BOM = '\uFEFF';

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return BOM + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
