import { formatDateTime, isPast } from './dateTime';

describe('instants', () => {
  it('reads them in Vietnam time, across midnight too', () => {
    expect(formatDateTime('2026-03-05T01:02:03.000Z')).toBe('05/03/2026 08:02');
    expect(formatDateTime('2026-03-05T18:30:00Z', true)).toBe('06/03/2026 01:30:00');
  });

  it('shows nothing for a missing or broken value', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('không phải ngày')).toBe('');
  });

  it('tells a passed instant', () => {
    expect(isPast('2020-01-01T00:00:00Z')).toBe(true);
    expect(isPast(new Date(Date.now() + 60_000).toISOString())).toBe(false);
    expect(isPast(null)).toBe(false);
  });
});
