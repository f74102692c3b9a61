import { dayBefore, formatDate, formatDateLong, isValidIsoDate, isoDateInVietnam, parseVietnameseDate, todayIso, yearsBetween } from './date';

describe('formatDate', () => {
  it.each<[string, Date | string, string]>([
    ['ISO date, no timezone shift', '2017-02-15', '15/02/2017'],
    ['first day of year', '2025-01-01', '01/01/2025'],
    ['padded with spaces', ' 2017-02-15 ', '15/02/2017'],
    ['Date at UTC midnight is that day in Vietnam', new Date('2017-02-15T00:00:00Z'), '15/02/2017'],
    ['Date at Vietnam midnight (DATE column read in UTC+7)', new Date('2017-02-14T17:00:00Z'), '15/02/2017'],
    ['Date late in the UTC day is the next day in Vietnam', new Date('2017-02-15T18:30:00Z'), '16/02/2017'],
    ['ISO date-time read in Vietnam time', '2024-12-31T20:00:00Z', '01/01/2025'],
  ])('%s', (_label, input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });

  it.each<[string, Date | string]>([
    ['not a date', 'hôm nay'],
    ['impossible day', '2023-02-29'],
    ['Vietnamese form is not ISO', '15/02/2017'],
    ['invalid Date', new Date('x')],
  ])('throws RangeError: %s', (_label, input) => {
    expect(() => formatDate(input)).toThrow(RangeError);
  });
});

describe('formatDateLong', () => {
  it.each([
    ['month below 3 padded', '2017-02-15', 'ngày 15 tháng 02 năm 2017'],
    ['day below 10 padded', '2018-01-05', 'ngày 05 tháng 01 năm 2018'],
    ['month from 3 not padded', '2018-04-03', 'ngày 03 tháng 4 năm 2018'],
    ['two-digit month', '2024-12-31', 'ngày 31 tháng 12 năm 2024'],
  ])('%s', (_label, input, expected) => {
    expect(formatDateLong(input)).toBe(expected);
  });
});

describe('parseVietnameseDate', () => {
  it.each<[string, string | null]>([
    ['15/02/2017', '2017-02-15'],
    ['5/2/2017', '2017-02-05'],
    ['05-02-2017', '2017-02-05'],
    ['1.3.2024', '2024-03-01'],
    [' 15 / 02 / 2017 ', '2017-02-15'],
    ['29/02/2024', '2024-02-29'],
    ['2017-02-15', '2017-02-15'],
    ['29/02/2023', null],
    ['31/04/2024', null],
    ['00/01/2024', null],
    ['15/13/2017', null],
    ['15/02/17', null],
    ['15/02-2017', null],
    ['2017-2-15', null],
    ['', null],
    ['ngày 15 tháng 02', null],
  ])('parseVietnameseDate(%p) = %p', (text, expected) => {
    expect(parseVietnameseDate(text)).toBe(expected);
  });
});

describe('isValidIsoDate', () => {
  it.each<[string, boolean]>([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-2-9', false],
    ['2024-02-29T00:00:00Z', false],
    ['', false],
  ])('%p → %p', (text, expected) => {
    expect(isValidIsoDate(text)).toBe(expected);
  });
});

describe('yearsBetween', () => {
  it.each<[string, string, number]>([
    ['2010-05-20', '2025-05-19', 14],
    ['2010-05-20', '2025-05-20', 15],
    ['2010-05-20', '2010-05-20', 0],
    ['2000-02-29', '2001-02-28', 0],
    ['2000-02-29', '2001-03-01', 1],
    ['2000-02-29', '2004-02-29', 4],
    ['2025-05-20', '2010-05-20', -15],
    ['2020-05-01', '2019-06-01', 0],
  ])('yearsBetween(%p, %p) = %p', (from, to, expected) => {
    expect(yearsBetween(from, to)).toBe(expected);
  });

  it.each([
    ['2020-13-01', '2021-01-01'],
    ['2020-01-01', '01/01/2021'],
  ])('throws RangeError for %p, %p', (from, to) => {
    expect(() => yearsBetween(from, to)).toThrow(RangeError);
  });
});

describe('todayIso and isoDateInVietnam', () => {
  it.each([
    ['before 17:00 UTC', '2024-12-31T16:59:59Z', '2024-12-31'],
    ['from 17:00 UTC it is tomorrow in Vietnam', '2024-12-31T17:00:00Z', '2025-01-01'],
    ['leap day', '2024-02-28T17:00:00Z', '2024-02-29'],
  ])('%s', (_label, instant, expected) => {
    expect(todayIso(new Date(instant))).toBe(expected);
    expect(isoDateInVietnam(new Date(instant))).toBe(expected);
  });

  it('defaults to now', () => {
    expect(isValidIsoDate(todayIso())).toBe(true);
  });

  it('rejects an invalid Date', () => {
    expect(() => isoDateInVietnam(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('dayBefore', () => {
  it.each([
    ['2025-07-01', '2025-06-30'],
    ['2025-01-01', '2024-12-31'],
    ['2024-03-01', '2024-02-29'],
    ['2023-03-01', '2023-02-28'],
  ])('the day before %s is %s', (iso, expected) => {
    expect(dayBefore(iso)).toBe(expected);
  });
});
