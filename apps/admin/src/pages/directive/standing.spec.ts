import { nextStanding } from './standing';

const MY_THANH = { id: '10', validFrom: '1976-01-01', validTo: '2025-07-01', successors: [{ successorId: '603', effectiveDate: '2025-07-01' }] };

describe('the unit standing for a directive’s owner on a day', () => {
  it('is the owner while it exists (its 2017 window)', () => {
    expect(nextStanding(MY_THANH, '2017-02-28')).toBe('here');
    expect(nextStanding(MY_THANH, '2025-06-30')).toBe('here');
  });

  it('is its successor from the day of the merge on', () => {
    expect(nextStanding(MY_THANH, '2025-07-01')).toBe('603');
    expect(nextStanding(MY_THANH, '2026-12-02')).toBe('603');
  });

  it('is nobody else when the unit was split among several, or ended without a successor', () => {
    const split = { ...MY_THANH, successors: [{ successorId: '603', effectiveDate: '2025-07-01' }, { successorId: '604', effectiveDate: '2025-07-01' }] };
    expect(nextStanding(split, '2026-12-02')).toBeNull();
    expect(nextStanding({ ...MY_THANH, successors: [] }, '2026-12-02')).toBeNull();
  });
});
