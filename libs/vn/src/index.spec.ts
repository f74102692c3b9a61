import * as vn from './index';

describe('@dangbo/vn public API', () => {
  // Other projects call these by name; renaming one must fail here first.
  it.each([
    'nfc', 'cleanText', 'foldForSearch', 'normalizeInput',
    'vietnameseSortKey', 'compareVietnamese',
    'splitFullName', 'joinFullName', 'nameSortKeys', 'compareMembersByName', 'parseNameSortOrder',
    'formatNumber', 'percentOf', 'formatPercent', 'formatPercentValue', 'parseVietnameseNumber',
    'formatDate', 'formatDateLong', 'parseVietnameseDate', 'yearsBetween', 'todayIso', 'isValidIsoDate', 'isoDateInVietnam',
    'parseDocumentNumber', 'formatDocumentNumber', 'documentTypeNames',
  ])('exports function %s', (name) => {
    expect(typeof (vn as Record<string, unknown>)[name]).toBe('function');
  });

  it.each(['DEFAULT_NAME_SORT_ORDER', 'DOCUMENT_TYPES', 'STATE_DOCUMENT_TYPES'])('exports array %s', (name) => {
    expect(Array.isArray((vn as Record<string, unknown>)[name])).toBe(true);
  });
});
