import { vietnameseSortKey } from './collation';
import {
  DEFAULT_NAME_SORT_ORDER,
  NameSortPart,
  NamedMember,
  compareMembersByName,
  joinFullName,
  nameSortKeys,
  parseNameSortOrder,
  splitFullName,
} from './name';

describe('splitFullName', () => {
  it.each([
    ['three words', 'Nguyễn Văn An', { family: 'Nguyễn', middle: 'Văn', given: 'An' }],
    ['long middle', 'Nguyễn Thị Minh Khai', { family: 'Nguyễn', middle: 'Thị Minh', given: 'Khai' }],
    ['two words, no middle', 'Lê Lợi', { family: 'Lê', middle: '', given: 'Lợi' }],
    ['single word is a given name', 'Hồ', { family: '', middle: '', given: 'Hồ' }],
    ['messy whitespace', '  Trần \u00a0 Thị\tHoà ', { family: 'Trần', middle: 'Thị', given: 'Hoà' }],
    ['NFD input', 'Đặng Thùy Trâm'.normalize('NFD'), { family: 'Đặng', middle: 'Thùy', given: 'Trâm' }],
    ['compound family stays positional', 'Tôn Nữ Thị Ninh', { family: 'Tôn', middle: 'Nữ Thị', given: 'Ninh' }],
    ['empty', '', { family: '', middle: '', given: '' }],
    ['whitespace only', '   ', { family: '', middle: '', given: '' }],
  ])('%s', (_label, input, expected) => {
    const parts = splitFullName(input);
    expect(parts).toEqual(expected);
    expect(joinFullName(parts)).toBe(joinFullName(expected));
  });
});

describe('joinFullName', () => {
  it.each([
    ['all parts', { family: 'Nguyễn', middle: 'Văn', given: 'An' }, 'Nguyễn Văn An'],
    ['no middle', { family: 'Lê', middle: '', given: 'Lợi' }, 'Lê Lợi'],
    ['given only', { given: 'Hồ' }, 'Hồ'],
    ['compound family override', { family: 'Tôn Nữ', middle: 'Thị', given: 'Ninh' }, 'Tôn Nữ Thị Ninh'],
    ['parts are cleaned', { family: ' Trần ', middle: '  ', given: 'Bình ' }, 'Trần Bình'],
    ['nothing', {}, ''],
  ])('%s', (_label, parts, expected) => {
    expect(joinFullName(parts)).toBe(expected);
  });
});

describe('DEFAULT_NAME_SORT_ORDER', () => {
  it('is the ballot order and cannot be changed', () => {
    expect(DEFAULT_NAME_SORT_ORDER).toEqual(['given', 'family', 'middle', 'birthDate']);
    expect(Object.isFrozen(DEFAULT_NAME_SORT_ORDER)).toBe(true);
  });
});

describe('nameSortKeys', () => {
  it.each([
    ['plain', { family: 'Nguyễn', middle: 'Văn', given: 'Đức' }],
    ['empty middle', { family: 'Lê', middle: '', given: 'Lợi' }],
  ])('keys each part: %s', (_label, parts) => {
    expect(nameSortKeys(parts)).toEqual({
      sortGiven: vietnameseSortKey(parts.given),
      sortFamily: vietnameseSortKey(parts.family),
      sortMiddle: vietnameseSortKey(parts.middle),
    });
  });

  it('gives equal keys for tone-placement, NFD and spacing variants', () => {
    expect(nameSortKeys({ family: 'Trần', middle: 'Thị', given: 'Hòa' })).toEqual(
      nameSortKeys({ family: ' Trần'.normalize('NFD'), middle: 'Thị ', given: 'Hoà' }),
    );
  });
});

describe('compareMembersByName', () => {
  const m = (family: string, middle: string, given: string, birthDate: string | null = null): NamedMember => ({ family, middle, given, birthDate });

  it.each<[string, NamedMember, NamedMember]>([
    ['given name first', m('Trần', 'Văn', 'An'), m('Lê', 'Văn', 'Bình')],
    ['Ánh after Anh', m('Lê', 'Thị', 'Anh'), m('Lê', 'Thị', 'Ánh')],
    ['Duy before Đức', m('Võ', 'Văn', 'Duy'), m('Đỗ', 'Văn', 'Đức')],
    ['then family', m('Lê', 'Văn', 'An'), m('Trần', 'Văn', 'An')],
    ['then middle', m('Lê', 'Thị', 'An'), m('Lê', 'Văn', 'An')],
    ['then older first', m('Lê', 'Văn', 'An', '1960-05-01'), m('Lê', 'Văn', 'An', '1975-01-01')],
    ['unknown birth date last', m('Lê', 'Văn', 'An', '1990-01-01'), m('Lê', 'Văn', 'An', null)],
    ['empty middle before any middle', m('Lê', '', 'An'), m('Lê', 'Văn', 'An')],
  ])('%s', (_label, a, b) => {
    expect(compareMembersByName(a, b)).toBeLessThan(0);
    expect(compareMembersByName(b, a)).toBeGreaterThan(0);
  });

  it.each<[string, NamedMember, NamedMember]>([
    ['same person', m('Lê', 'Văn', 'An', '1970-01-01'), m('Lê', 'Văn', 'An', '1970-01-01')],
    ['tone placement variants', m('Trần', 'Thị', 'Hòa'), m('Trần', 'Thị', 'Hoà')],
    ['both birth dates unknown', m('Lê', 'Văn', 'An'), { family: 'Lê', middle: 'Văn', given: 'An' }],
  ])('ties: %s', (_label, a, b) => {
    expect(compareMembersByName(a, b)).toBe(0);
  });

  it.each<[string, NameSortPart[], string[]]>([
    ['ballot order', [...DEFAULT_NAME_SORT_ORDER], ['Trần Văn An', 'Lê Thị Bình', 'Nguyễn Văn Bình', 'Đỗ Thị Cúc']],
    ['family first', ['family', 'middle', 'given', 'birthDate'], ['Đỗ Thị Cúc', 'Lê Thị Bình', 'Nguyễn Văn Bình', 'Trần Văn An']],
  ])('sorts a list in %s', (_label, order, expected) => {
    const people = ['Nguyễn Văn Bình', 'Đỗ Thị Cúc', 'Trần Văn An', 'Lê Thị Bình'].map((name) => {
      const [family, middle, given] = name.split(' ');
      return m(family, middle, given);
    });
    expect(people.sort((a, b) => compareMembersByName(a, b, order)).map((p) => `${p.family} ${p.middle} ${p.given}`)).toEqual(expected);
  });
});

describe('parseNameSortOrder', () => {
  it.each<[string, string, NameSortPart[]]>([
    ['full list', 'given,family,middle,birthDate', ['given', 'family', 'middle', 'birthDate']],
    ['other order', 'family,middle,given,birthDate', ['family', 'middle', 'given', 'birthDate']],
    ['spaces and case', ' Family , GIVEN ', ['family', 'given', 'middle', 'birthDate']],
    ['missing parts appended in default order', 'middle', ['middle', 'given', 'family', 'birthDate']],
    ['birth date first', 'birthdate', ['birthDate', 'given', 'family', 'middle']],
    ['empty text is the default', '', ['given', 'family', 'middle', 'birthDate']],
    ['empty segments ignored', 'given,,family,', ['given', 'family', 'middle', 'birthDate']],
  ])('%s', (_label, text, expected) => {
    expect(parseNameSortOrder(text)).toEqual(expected);
  });

  it.each([
    ['unknown part', 'given,surname', /Unknown name sort part "surname"/],
    ['duplicate part', 'given,family,given', /"given" is listed more than once/],
    ['duplicate by case', 'family,FAMILY', /"family" is listed more than once/],
  ])('throws on %s', (_label, text, message) => {
    expect(() => parseNameSortOrder(text)).toThrow(message);
  });

  it('returns a fresh array each time', () => {
    const order = parseNameSortOrder('');
    order.pop();
    expect(parseNameSortOrder('')).toHaveLength(4);
  });
});
