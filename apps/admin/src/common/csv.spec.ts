import { toCsv } from './csv';

describe('CSV export', () => {
  it('starts with a UTF-8 BOM, quotes what needs quoting and ends rows with CRLF', () => {
    const csv = toCsv([
      ['Họ và tên', 'Ghi chú'],
      ['Nguyễn Văn Đức', 'Chi bộ "ấp Bến Đò", khóa 1'],
      ['Lê Thị Hoa', null],
    ]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Họ và tên,Ghi chú\r\nNguyễn Văn Đức,"Chi bộ ""ấp Bến Đò"", khóa 1"\r\nLê Thị Hoa,\r\n');
  });
});
