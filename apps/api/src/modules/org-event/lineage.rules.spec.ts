import { reportRoots } from './lineage.rules';
import { namesInForce } from './unit-names';

// The demo's merge: Mỹ Thạnh (10, since 1975) and a neighbour (50, since 2005) became 603 on 2025-07-01.
const MERGE = [
  { predecessorId: 10, successorId: 603, predecessorFrom: '1975-01-01', predecessorTo: '2025-07-01' },
  { predecessorId: 50, successorId: 603, predecessorFrom: '2005-01-01', predecessorTo: '2025-07-01' },
];
const SUCCESSOR = { id: 603, validFrom: '2025-07-01' };

describe("whose records a unit's figures over a period read", () => {
  it.each([
    ['a period before the founding reads every predecessor as of the period end', { from: '2016-05-15', to: '2017-02-28' }, [[603, '2017-02-28'], [10, '2017-02-28'], [50, '2017-02-28']]],
    ['a period across the founding reads the predecessors as of their last day', { from: '2025-01-01', to: '2025-12-31' }, [[603, '2025-12-31'], [10, '2025-06-30'], [50, '2025-06-30']]],
    ['a period after the founding reads the unit alone', { from: '2025-07-01', to: '2025-12-31' }, [[603, '2025-12-31']]],
    ['a predecessor founded after the period is left out', { from: '2001-01-01', to: '2002-12-31' }, [[603, '2002-12-31'], [10, '2002-12-31']]],
  ])('%s', (_what, period, expected) => {
    expect(reportRoots(SUCCESSOR, MERGE, period).map((r) => [r.unitId, r.asOf])).toEqual(expected);
  });

  it('a predecessor founded inside the period brings its own predecessors', () => {
    const edges = [...MERGE, { predecessorId: 5, successorId: 50, predecessorFrom: '1990-01-01', predecessorTo: '2005-01-01' }];
    expect(reportRoots(SUCCESSOR, edges, { from: '2000-01-01', to: '2010-12-31' }).map((r) => [r.unitId, r.asOf])).toEqual([
      [603, '2010-12-31'],
      [10, '2010-12-31'],
      [50, '2010-12-31'],
      [5, '2004-12-31'],
    ]);
  });
});

describe('the name in force on a date', () => {
  const province = { current: { name: 'Đảng bộ tỉnh Vĩnh Long', shortName: null, nameFrom: '2025-07-01' }, earlier: [{ name: 'Đảng bộ tỉnh Bến Tre', shortName: 'Tỉnh ủy Bến Tre', validTo: '2025-07-01' }] };
  it.each([
    ['2017-02-28', 'Đảng bộ tỉnh Bến Tre'],
    ['2025-06-30', 'Đảng bộ tỉnh Bến Tre'],
    ['2025-07-01', 'Đảng bộ tỉnh Vĩnh Long'],
  ])('on %s the province is %s', (asOf, name) => expect(namesInForce(province, asOf).name).toBe(name));

  it('with two renamings, the earliest name still valid after the date', () => {
    const h = { current: { name: 'C', shortName: null, nameFrom: '2020-01-01' }, earlier: [{ name: 'B', shortName: null, validTo: '2020-01-01' }, { name: 'A', shortName: null, validTo: '2010-01-01' }] };
    expect(['2009-12-31', '2010-01-01', '2020-01-01'].map((d) => namesInForce(h, d).name)).toEqual(['A', 'B', 'C']);
  });
});
