import { unitCondition } from './pass-tree.queries';

describe('unitCondition: a pass\'s units as a small SQL condition', () => {
  it.each([
    ['runs of four or more as ranges, the rest listed', [7, 1, 2, 3, 4, 10, 11, 12, 13, 14, 20, 22], '(u BETWEEN 1 AND 4 OR u BETWEEN 10 AND 14 OR u IN (7,20,22))'],
    ['repeats and order do not matter', [3, 1, 2, 4, 4, 1], '(u BETWEEN 1 AND 4)'],
    ['no run long enough: a list', [5, 6, 9], '(u IN (5,6,9))'],
    ['no unit: nothing matches', [], 'FALSE'],
  ])('%s', (_label, ids, sql) => {
    expect(unitCondition(ids)('u')).toBe(sql);
  });

  it('too scattered for ranges to help: the plain list', () => {
    const ids = Array.from({ length: 51 }, (_x, i) => [i * 10, i * 10 + 1, i * 10 + 2, i * 10 + 3]).flat();
    expect(unitCondition(ids)('u')).toBe(`u IN (${ids.join(',')})`);
  });
});
