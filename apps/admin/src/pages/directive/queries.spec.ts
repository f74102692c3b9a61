import { cellMetricsQuery } from './queries';

describe('cell attendance in one request', () => {
  it('asks unitMetrics once per cell under its own alias, with one window for all', () => {
    const query = cellMetricsQuery(3);
    expect(query).toContain('query CellAttendance($from: String!, $to: String!, $u0: ID!, $u1: ID!, $u2: ID!)');
    expect(query.match(/unitMetrics\(/g)).toHaveLength(3);
    expect(query).toContain('u2: unitMetrics(unitId: $u2, from: $from, to: $to)');
  });
});
