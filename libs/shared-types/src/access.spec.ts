import { canAccessResource, Capability, capabilitiesOf, Role, ROLE_CAPABILITIES } from './access';

describe('the capability map', () => {
  it('gives every role READ, and only the system admin everything', () => {
    for (const role of Object.values(Role)) expect(ROLE_CAPABILITIES[role]).toContain(Capability.READ);
    expect(new Set(ROLE_CAPABILITIES[Role.SYSTEM_ADMIN])).toEqual(new Set(Object.values(Capability)));
  });

  it.each([
    [[Role.ANALYST], [Capability.READ]],
    [[Role.CELL_SECRETARY], [Capability.READ, Capability.RECORD_CELL_WORK]],
    [[Role.CRITERIA_ADMIN, Role.DECIDER], [Capability.READ, Capability.MANAGE_CRITERIA, Capability.DECIDE]],
  ])('%j grants exactly %j', (roles, expected) => {
    expect([...capabilitiesOf(roles)].sort()).toEqual([...expected].sort());
  });
});

describe('canAccessResource (the panel hides what the server would refuse)', () => {
  const analyst = capabilitiesOf([Role.ANALYST]);
  const clerk = capabilitiesOf([Role.UNIT_ADMIN]);
  it.each([
    [analyst, 'Member', 'list', true],
    [analyst, 'Member', 'edit', false],
    [analyst, 'Member', 'create', false],
    [analyst, 'OrgUnit', 'delete', false],
    [analyst, 'AuditEntry', 'list', false],
    [clerk, 'Member', 'edit', true],
    [clerk, 'User', 'create', true],
    [clerk, 'AuditEntry', 'list', true],
    [clerk, 'AuditEntry', 'delete', false],
  ])('%#', (caps, resource, action, expected) => {
    expect(canAccessResource(caps, resource as string, action as string)).toBe(expected);
  });
});
