import { formatNumber, formatPercent, formatPercentValue, parseVietnameseNumber, percentOf } from './number';

describe('formatNumber', () => {
  it.each<[number, number | undefined, string]>([
    [1234567, undefined, '1.234.567'],
    [7.5, 1, '7,5'],
    [0, undefined, '0'],
    [999, undefined, '999'],
    [1000, undefined, '1.000'],
    [-1234.5, undefined, '-1.235'],
    [-1234.5, 1, '-1.234,5'],
    [94.175, 2, '94,18'],
    [1.005, 2, '1,01'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [999.995, 2, '1.000,00'],
    [-0.001, 2, '0,00'],
    [1e-7, 2, '0,00'],
    [1234.5, 3, '1.234,500'],
    [Number.NaN, 2, '—'],
    [Number.POSITIVE_INFINITY, 0, '—'],
  ])('formatNumber(%p, %p) = %p', (value, digits, expected) => {
    expect(formatNumber(value, digits)).toBe(expected);
  });

  it.each([-1, 1.5, 21])('rejects fractionDigits %p', (digits) => {
    expect(() => formatNumber(1, digits)).toThrow(RangeError);
  });
});

describe('percentOf', () => {
  it.each<[number, number, number | undefined, number | null]>([
    [178, 189, undefined, 94.18],
    [3767, 4000, undefined, 94.18], // exactly 94.175: half-up
    [3767, 4000, 1, 94.2],
    [1, 3, 0, 33],
    [2, 3, 2, 66.67],
    [0, 10, undefined, 0],
    [10, 10, undefined, 100],
    [5, 0, undefined, null],
    [0, 0, undefined, null],
    [1, Number.NaN, undefined, null],
  ])('percentOf(%p, %p, %p) = %p', (part, whole, digits, expected) => {
    expect(percentOf(part, whole, digits)).toBe(expected);
  });
});

describe('formatPercent', () => {
  it.each<[number, number, number | undefined, boolean | undefined, string]>([
    [178, 189, undefined, undefined, '94,18%'],
    [3767, 4000, undefined, undefined, '94,18%'],
    [1, 2, undefined, undefined, '50,00%'],
    [1, 2, undefined, true, '50%'],
    [1, 3, 1, undefined, '33,3%'],
    [0, 0, undefined, undefined, '—'],
    [7, 0, undefined, true, '—'],
  ])('formatPercent(%p, %p, %p, trimZeros=%p) = %p', (part, whole, digits, trimZeros, expected) => {
    expect(formatPercent(part, whole, digits, { trimZeros })).toBe(expected);
  });
});

describe('formatPercentValue', () => {
  it.each<[number, number | undefined, boolean | undefined, string]>([
    [94.18, undefined, undefined, '94,18%'],
    [81.85, 2, true, '81,85%'],
    [75.4, 2, true, '75,4%'],
    [75.4, 2, false, '75,40%'],
    [100, 2, true, '100%'],
    [100, 0, true, '100%'],
    [0, 2, true, '0%'],
    [1234.5, 1, undefined, '1.234,5%'],
    [Number.NaN, 2, undefined, '—'],
  ])('formatPercentValue(%p, %p, trimZeros=%p) = %p', (value, digits, trimZeros, expected) => {
    expect(formatPercentValue(value, digits, { trimZeros })).toBe(expected);
  });
});

describe('parseVietnameseNumber', () => {
  it.each<[string, number | null]>([
    ['7,5', 7.5],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['1.234', 1234],
    ['7.5', 7.5],
    ['0.125', 0.125],
    ['1234.567', 1234.567],
    ['12.34', 12.34],
    ['1.2345', 1.2345],
    ['1 234 567,5', 1234567.5],
    ['1\u00a0234', 1234],
    ['  42  ', 42],
    [',5', 0.5],
    ['.5', 0.5],
    ['-7,5', -7.5],
    ['\u22123', -3],
    ['+4', 4],
    ['-0', 0],
    ['0', 0],
    ['', null],
    ['   ', null],
    ['abc', null],
    ['7,5,1', null],
    ['1,234.5', null],
    ['1.23.4', null],
    ['1.', null],
    ['94%', null],
    ['1e5', null],
    ['--1', null],
    ['0.123.456', null],
  ])('parseVietnameseNumber(%p) = %p', (text, expected) => {
    expect(parseVietnameseNumber(text)).toBe(expected);
  });
});
