import { grantInForce } from './grant-in-force';

const LIVE_UNIT = { validFrom: '2000-01-01', validTo: null };
const ENDED_UNIT = { validFrom: '2000-01-01', validTo: '2025-07-01' };

describe('grantInForce', () => {
  it('an open grant on a live unit is in force', () => {
    expect(grantInForce({ validFrom: null, validTo: null }, LIVE_UNIT, '2026-12-02')).toBe(true);
  });

  it('the grant’s validTo is its first day without it', () => {
    expect(grantInForce({ validFrom: null, validTo: '2025-07-01' }, LIVE_UNIT, '2025-06-30')).toBe(true);
    expect(grantInForce({ validFrom: null, validTo: '2025-07-01' }, LIVE_UNIT, '2025-07-01')).toBe(false);
  });

  it('a grant from a later day is not in force yet', () => {
    expect(grantInForce({ validFrom: '2025-07-01', validTo: null }, LIVE_UNIT, '2025-06-30')).toBe(false);
    expect(grantInForce({ validFrom: '2025-07-01', validTo: null }, LIVE_UNIT, '2025-07-01')).toBe(true);
  });

  it('an open grant on a unit that has ended grants nothing after the unit’s last day', () => {
    expect(grantInForce({ validFrom: null, validTo: null }, ENDED_UNIT, '2025-06-30')).toBe(true);
    expect(grantInForce({ validFrom: null, validTo: null }, ENDED_UNIT, '2025-07-01')).toBe(false);
  });

  it('a grant on a unit not founded yet, or unknown, grants nothing', () => {
    expect(grantInForce({ validFrom: null, validTo: null }, { validFrom: '2025-07-01', validTo: null }, '2025-06-30')).toBe(false);
    expect(grantInForce({ validFrom: null, validTo: null }, null, '2026-12-02')).toBe(false);
  });
});
