import { compareVietnamese, vietnameseSortKey } from './collation';

const key = vietnameseSortKey;

describe('vietnameseSortKey ordering', () => {
  // Each row: a sorts strictly before b.
  it.each([
    ['prefix first', 'An', 'Anh'],
    ['tone after letters', 'Anh', 'Ánh'],
    ['letters beat tone', 'Ánh', 'Ăn'],
    ['a < ă < â', 'Ăn', 'Ân'],
    ['â before b', 'Ân', 'Bình'],
    ['d < đ, even against later letters', 'Duy', 'Đức'],
    ['đ before e', 'Đức', 'Em'],
    ['e < ê', 'Em', 'Ê'],
    ['o < ô', 'O', 'Ô'],
    ['ô < ơ', 'Ô', 'Ơ'],
    ['ơ before p', 'Ơn', 'Phúc'],
    ['u < ư', 'Uyên', 'Ưng'],
    ['ngang < huyền', 'Ha', 'Hà'],
    ['huyền < hỏi', 'Hà', 'Hả'],
    ['hỏi < ngã', 'Hả', 'Hã'],
    ['ngã < sắc', 'Hã', 'Há'],
    ['sắc < nặng', 'Há', 'Hạ'],
    ['tones compared left to right: the first differing syllable decides', 'Ha Nám', 'Hà Nam'],
    ['lower before upper', 'an', 'An'],
    ['đ before Đ', 'đức', 'Đức'],
    ['tone beats case', 'Ha', 'hà'],
    ['letters beat case', 'ab', 'Ac'],
    ['space lowest', 'Lê An', 'LêAn'],
    ['hyphen after space', 'a b', 'a-b'],
    ['punctuation before digits', 'a.', 'a1'],
    ['digits before letters', '9', 'a'],
    ['digits by digit, not value', '10', '9'],
    ['other scripts after letters', 'z', 'Ω'],
    ['other scripts stable among themselves', 'Α', 'Ω'],
    ['empty first', '', 'a'],
    ['middle name decides', 'Nguyễn Thị An', 'Nguyễn Văn An'],
    ['multi-tone run (not a syllable) after single tone', 'hàa', 'hàà'],
    ['foreign mark after the plain letter', 'u', 'ü'],
  ])('%s: %s < %s', (_label, a, b) => {
    expect(key(a) < key(b)).toBe(true);
    expect(compareVietnamese(a, b)).toBe(-1);
    expect(compareVietnamese(b, a)).toBe(1);
  });

  it('sorts the MariaDB vietnamese_ci reference list (domain.md §5.2)', () => {
    const expected = ['An', 'Anh', 'Ánh', 'Ăn', 'Ân', 'Duy', 'Đức', 'Em', 'Ê', 'Oanh', 'Ô', 'Ơn', 'Uyên', 'Ưng'];
    const shuffled = [...expected].reverse();
    expect(shuffled.sort(compareVietnamese)).toEqual(expected);
  });
});

describe('vietnameseSortKey equality', () => {
  it.each([
    ['old vs new tone placement', 'Hòa', 'Hoà'],
    ['old vs new placement, uy', 'Thủy', 'Thuỷ'],
    ['old vs new placement, oe', 'Hòe', 'Hoè'],
    ['NFD vs NFC', 'Nguyễn Văn Đức'.normalize('NFD'), 'Nguyễn Văn Đức'],
    ['NFD with tone before vowel mark', 'a\u0323\u0306', 'ặ'],
    ['Eth as Đ', '\u00d0ức', 'Đức'],
    ['curly vs straight apostrophe', 'O’Neil', "O'Neil"],
    ['ellipsis vs three dots', 'a…', 'a...'],
    ['empty', '', ''],
  ])('%s', (_label, a, b) => {
    expect(key(a)).toBe(key(b));
    expect(compareVietnamese(a, b)).toBe(0);
  });
});

describe('vietnameseSortKey format', () => {
  it.each(['', 'Nguyễn Văn Đức', 'ĐẢNG ỦY', '中文 Ωμέγα', '\u0301orphan mark', 'ǖ', '😀 emoji', 'tab\there'])('is printable ASCII for %j', (s) => {
    expect(key(s)).toMatch(/^[!-~]*$/);
  });

  it.each([
    ['lower-case, no tones: primaries only', 'an', '191Q!!'],
    ['tone and capital', 'Ánh', '191Q1K!4!1'],
  ])('%s', (_label, input, expected) => {
    expect(key(input)).toBe(expected);
  });

  it('stays short for names: at most 4 characters per character plus 2', () => {
    for (const name of ['Nguyễn Văn Đức', 'Tôn Nữ Thị Ngọc Ánh', 'LÊ THỊ HỒNG HẠNH']) {
      expect(key(name).length).toBeLessThanOrEqual(4 * name.length + 2);
    }
  });

  it('orders the same under byte comparison as under JS string comparison', () => {
    const words = ['An', 'Ánh', 'Ăn', 'Đức', 'Duy', 'Ơn', '9', 'Ω', ''];
    const byJs = words.map(key).sort();
    const byBytes = words.map(key).sort((x, y) => Buffer.compare(Buffer.from(x, 'ascii'), Buffer.from(y, 'ascii')));
    expect(byBytes).toEqual(byJs);
  });
});

describe('compareVietnamese agrees with Intl.Collator("vi")', () => {
  // Real names and words; only one tone placement per word, since ICU orders
  // "Hòa" and "Hoà" apart where this collation deliberately makes them equal.
  const words = [
    'An', 'Anh', 'Ánh', 'Ăn', 'Ân', 'Bình', 'Bích', 'Chi', 'Châu', 'Cường', 'Dung', 'Dũng', 'Duy', 'Đào', 'Đạt', 'Đức',
    'Em', 'Ê', 'Giang', 'Hà', 'Hạ', 'Hải', 'Hậu', 'Hoa', 'Hòa', 'Hoàng', 'Hùng', 'Huy', 'Khánh', 'Kiên', 'Lan', 'Linh',
    'Long', 'Mai', 'Minh', 'Nam', 'Ngọc', 'Nguyên', 'Nguyễn', 'Oanh', 'Ô', 'Ơn', 'Phúc', 'Quân', 'Sơn', 'Tâm', 'Thảo',
    'Thủy', 'Trang', 'Trần', 'Tú', 'Uyên', 'Ưng', 'Vân', 'Vy', 'Xuân', 'Yến', 'nguyễn văn an', 'Nguyễn Văn An',
    'Nguyễn Văn Ân', 'Nguyễn Thị Ánh', 'Lê Văn 2', 'Lê-Văn', 'A1', 'ĐẢNG ỦY', 'đảng ủy', 'Đảng ủy xã',
  ];
  const intl = new Intl.Collator('vi');

  it('on every pair', () => {
    const mismatches: string[] = [];
    for (const a of words) {
      for (const b of words) {
        if (Math.sign(intl.compare(a, b)) !== Math.sign(compareVietnamese(a, b))) mismatches.push(`${a} / ${b}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('and sorts the list identically', () => {
    expect([...words].sort(compareVietnamese)).toEqual([...words].sort(intl.compare));
  });
});
