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

  it('gives an analyst no write action on any resource, and no account, token or audit screen', () => {
    const resources = ['OrgUnit', 'Member', 'User', 'RoleGrant', 'ApiToken', 'AuditEntry', 'CriteriaSet', 'Criterion', 'RatingPeriod', 'Unknown'];
    const writes = resources.flatMap((r) => ['create', 'edit', 'delete', 'clone'].map((a) => [r, a] as const));
    expect(writes.filter(([r, a]) => canAccessResource(analyst, r, a))).toEqual([]);
    expect(['User', 'RoleGrant', 'ApiToken', 'AuditEntry'].filter((r) => canAccessResource(analyst, r, 'list'))).toEqual([]);
    expect(['OrgUnit', 'Member', 'CriteriaSet', 'Criterion', 'RatingPeriod'].every((r) => canAccessResource(analyst, r, 'show'))).toBe(true);
  });

  it.each([
    [Role.CRITERIA_ADMIN, 'CriteriaSet', true],
    [Role.CRITERIA_ADMIN, 'Criterion', true],
    [Role.CRITERIA_ADMIN, 'RatingPeriod', false],
    [Role.DECIDER, 'RatingPeriod', true],
    [Role.DECIDER, 'CriteriaSet', false],
    [Role.UNIT_ADMIN, 'CriteriaSet', false],
    [Role.SYSTEM_ADMIN, 'Criterion', true],
  ])('%s may change %s: %s', (role, resource, expected) => {
    for (const action of ['create', 'edit', 'delete']) expect(canAccessResource(capabilitiesOf([role]), resource, action)).toBe(expected);
  });

  it.each([
    [Role.UNIT_ADMIN, ['User', 'RoleGrant', 'ApiToken', 'AuditEntry']],
    [Role.SYSTEM_ADMIN, ['User', 'RoleGrant', 'ApiToken', 'AuditEntry']],
    [Role.CRITERIA_ADMIN, []],
    [Role.DECIDER, []],
    [Role.CELL_SECRETARY, []],
  ])('%s sees the account, token and audit screens %j', (role, expected) => {
    const caps = capabilitiesOf([role]);
    expect(['User', 'RoleGrant', 'ApiToken', 'AuditEntry'].filter((r) => canAccessResource(caps, r, 'list'))).toEqual(expected);
  });
});
