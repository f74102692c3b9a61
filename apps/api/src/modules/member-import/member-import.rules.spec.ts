import { dateOfCell, genderOf, matchHeader, parseRows, textOfCell } from './member-import.rules';

describe('cells of the member import', () => {
  it.each([
    ['15/02/2017', '2017-02-15'],
    ['5/3/1970', '1970-03-05'],
    [25632, '1970-03-05'], // Excel serial
    [42781, '2017-02-15'],
    [null, null],
    ['  ', null],
  ])('date cell %p reads as %p', (cell, iso) => expect(dateOfCell(cell as never)).toBe(iso));

  it.each([['31/02/1980'], ['2/30/1995'], [1.5], [-3], ['hôm qua']])('date cell %p is a problem, not a guess', (cell) => {
    expect(dateOfCell(cell as never)).toEqual({ error: expect.any(String) });
  });

  it('keeps every digit of a card number typed as a number', () => {
    expect(textOfCell(83001001)).toBe('83001001');
    expect(textOfCell('  Nguyễn   Văn  Đức ')).toBe('Nguyễn Văn Đức');
  });

  it('reads Nam / Nữ with or without diacritics', () => {
    expect(genderOf('Nữ')).toBe('FEMALE');
    expect(genderOf('nu')).toBe('FEMALE');
    expect(genderOf('NAM')).toBe('MALE');
    expect(genderOf('khác')).toBeNull();
  });
});

describe('the header row', () => {
  it('matches headers without regard to case or diacritics, and names unknown and missing columns', () => {
    const { columns, problems } = matchHeader({ row: 1, cells: ['ho va ten', 'Giới tính', 'Quê quán'] });
    expect([...columns.values()].map((c) => c.field)).toEqual(['fullName', 'gender']);
    expect(problems.map((p) => [p.column, p.field])).toEqual([
      ['C', null],
      [null, 'cell'],
    ]);
  });

  it('flags a required cell left empty and a value in a column with no header', () => {
    const { columns } = matchHeader({ row: 1, cells: ['Họ và tên', 'Giới tính', 'Chi bộ'] });
    const { problems } = parseRows([{ row: 2, cells: ['Nguyễn Văn A', null, 'Chi bộ ấp Bến Đò', null, 'x'] }], columns);
    expect(problems.map((p) => [p.row, p.column, p.field])).toEqual([
      [2, 'E', null],
      [2, 'B', 'gender'],
    ]);
  });
});
