import { prepareMemberWrite } from './transform';

const record = {
  id: '1019',
  fullName: 'Nguyễn Văn Đức',
  familyName: 'Nguyễn',
  middleName: 'Văn',
  givenName: 'Đức',
  namePartsOverridden: false,
  cellId: '102',
  status: 'OFFICIAL',
};

describe('what the member form sends', () => {
  it('drops the automatic name parts on a rename, so the API splits the new name', () => {
    const out = prepareMemberWrite({ ...record, fullName: 'Trần Văn Đức' }, record);
    expect(out).not.toHaveProperty('familyName');
    expect(out).not.toHaveProperty('givenName');
    expect(out.fullName).toBe('Trần Văn Đức');
  });

  it('sends name parts the clerk changed, and parts that were already an override', () => {
    expect(prepareMemberWrite({ ...record, middleName: 'Văn Minh' }, record)).toMatchObject({ familyName: 'Nguyễn', middleName: 'Văn Minh' });
    const overridden = { ...record, namePartsOverridden: true };
    expect(prepareMemberWrite({ ...overridden }, overridden)).toHaveProperty('familyName', 'Nguyễn');
  });

  it('on create, leaves out empty name parts and an empty status (the API derives it)', () => {
    const out = prepareMemberWrite({ fullName: 'Lê Thị Hoa', familyName: '', middleName: null, status: null, joinedOn: '2026-01-01' });
    expect(out).toEqual({ fullName: 'Lê Thị Hoa', joinedOn: '2026-01-01' });
  });

  it('sends a transfer date only with a new cell', () => {
    expect(prepareMemberWrite({ ...record, transferredOn: '2026-11-01' }, record)).not.toHaveProperty('transferredOn');
    expect(prepareMemberWrite({ ...record, cellId: '101', transferredOn: '2026-11-01' }, record)).toHaveProperty('transferredOn', '2026-11-01');
  });
});
