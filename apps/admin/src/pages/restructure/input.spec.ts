import { toInput } from './input';

describe('the wizard input', () => {
  it('sends only the fields the chosen event type uses', () => {
    const input = toInput({ type: 'MERGE', effectiveDate: '2025-07-01', unitIds: ['2', '3'], parentId: '1', targetId: '9', newName: 'x', newUnitName: 'Xã Mới', newUnitKind: 'COMMUNE_COMMITTEE', decisionNumber: '01-QĐ/TU' });
    expect(input).toMatchObject({ type: 'MERGE', unitIds: ['2', '3'], parentId: '1', targetId: null, newName: null, newUnits: [{ name: 'Xã Mới', kind: 'COMMUNE_COMMITTEE' }] });
    expect(toInput({ type: 'ABSORB', effectiveDate: '2025-07-01', unitIds: ['2'], targetId: '9', parentId: '1' })).toMatchObject({ targetId: '9', parentId: null, newUnits: [] });
  });
});
