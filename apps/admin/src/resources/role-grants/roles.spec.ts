import { Role } from '@dangbo/shared-types';
import { grantableRoleChoices, roleChoices } from './roles';

describe('role choices', () => {
  it('lists every role with its translation key', () => {
    expect(roleChoices).toHaveLength(Object.values(Role).length);
    expect(roleChoices[0]).toEqual({ id: 'SYSTEM_ADMIN', name: 'enums.Role.SYSTEM_ADMIN' });
  });

  it('offers SYSTEM_ADMIN to system administrators only', () => {
    expect(grantableRoleChoices(false).map((c) => c.id)).not.toContain(Role.SYSTEM_ADMIN);
    expect(grantableRoleChoices(true).map((c) => c.id)).toContain(Role.SYSTEM_ADMIN);
  });
});
