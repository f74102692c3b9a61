/** GraphQL text built from data (kept apart from api.ts so the unit tests need no browser config). */

/** One query asking `unitMetrics` for every unit, each under its own alias (u0, u1, ...). */
export function cellMetricsQuery(count: number): string {
  const args = Array.from({ length: count }, (_, i) => `$u${i}: ID!`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `u${i}: unitMetrics(unitId: $u${i}, from: $from, to: $to) { meetings_held meetingsAttended meetingsExpected }`).join('\n  ');
  return `query CellAttendance($from: String!, $to: String!, ${args}) {\n  ${fields}\n}`;
}
