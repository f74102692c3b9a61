import { cleanText, foldForSearch, nfc, normalizeInput } from './text';

const NFD_NAME = 'Nguyễn Văn Đức'.normalize('NFD');

describe('nfc', () => {
  it.each([
    ['NFD input', NFD_NAME, 'Nguyễn Văn Đức'],
    ['already NFC', 'Hòa', 'Hòa'],
    ['empty', '', ''],
  ])('%s', (_label, input, expected) => {
    expect(nfc(input)).toBe(expected);
    expect(nfc(input).length).toBe(expected.length);
  });
});

describe('cleanText', () => {
  it.each([
    ['trims and collapses', '  Nguyễn   Văn  An  ', 'Nguyễn Văn An'],
    ['NBSP and tabs', 'Lê\u00a0Thị\tHoa', 'Lê Thị Hoa'],
    ['newlines become one space', 'Trần\r\n\nBình', 'Trần Bình'],
    ['NFD becomes NFC', NFD_NAME, 'Nguyễn Văn Đức'],
    ['whitespace only', ' \u00a0\n', ''],
    ['empty', '', ''],
  ])('%s', (_label, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('foldForSearch', () => {
  it.each([
    ['full name', 'Nguyễn Văn Đức', 'nguyen van duc'],
    ['NFD input', NFD_NAME, 'nguyen van duc'],
    ['old tone placement', 'Hòa', 'hoa'],
    ['new tone placement', 'Hoà', 'hoa'],
    ['all vowel marks', 'Ăn Ân Ê Ô Ơ Ư', 'an an e o o u'],
    ['all tones', 'à ả ã á ạ', 'a a a a a'],
    ['lower-case đ', 'đảng ủy', 'dang uy'],
    ['Eth from legacy encodings', '\u00d0ức', 'duc'],
    ['whitespace', '  Lê\u00a0\u00a0Thị  ', 'le thi'],
    ['already folded', 'nguyen van duc', 'nguyen van duc'],
    ['digits and punctuation kept', 'Chi bộ số 3 (Khu 2)', 'chi bo so 3 (khu 2)'],
    ['empty', '', ''],
  ])('%s', (_label, input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });
});

describe('normalizeInput', () => {
  it.each<[string, unknown, unknown]>([
    ['string: NFC and trim', `  ${NFD_NAME}  `, 'Nguyễn Văn Đức'],
    ['multi-line string keeps inner newlines', '\n Dòng 1\n\n  Dòng 2  \n', 'Dòng 1\n\n  Dòng 2'],
    ['nested object and array', { a: [' x ', { b: ' Hoà ' }], n: 5, z: null, u: undefined }, { a: ['x', { b: 'Hoà' }], n: 5, z: null, u: undefined }],
    ['numbers and booleans untouched', [1, true, false, 0], [1, true, false, 0]],
    ['null', null, null],
  ])('%s', (_label, input, expected) => {
    expect(normalizeInput(input)).toEqual(expected);
  });

  it('does not mutate its input', () => {
    const input = { name: ' An ', tags: [' x '] };
    const output = normalizeInput(input);
    expect(input).toEqual({ name: ' An ', tags: [' x '] });
    expect(output).not.toBe(input);
    expect(output.tags).not.toBe(input.tags);
  });

  it('returns Dates and class instances unchanged', () => {
    class Box {
      constructor(public value: string) {}
    }
    const date = new Date('2020-01-01T00:00:00Z');
    const box = new Box(' keep ');
    const output = normalizeInput({ date, box });
    expect(output.date).toBe(date);
    expect(output.box).toBe(box);
    expect(output.box.value).toBe(' keep ');
  });

  it('keeps a "__proto__" key from JSON as data', () => {
    const input = JSON.parse('{"__proto__": {"polluted": " yes "}, "a": " b "}') as Record<string, unknown>;
    const output = normalizeInput(input);
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.keys(output)).toEqual(['__proto__', 'a']);
    expect((output as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('terminates on cyclic input', () => {
    const input: { name: string; self?: unknown } = { name: ' An ' };
    input.self = input;
    const output = normalizeInput(input);
    expect(output.name).toBe('An');
    expect(output.self).toBe(output);
  });
});
