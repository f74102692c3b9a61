/** What the user list reads: the columns it shows, each role with its unit's name. */
export const USER_LIST_FIELDS = [
  'id',
  'username',
  'displayName',
  'active',
  'demo',
  'lastLoginAt',
  'version',
  { roles: ['id', 'role', 'unitId', { unit: ['id', 'name'] }] },
];

/** The show and edit pages: the account itself; its roles come from the role list below it. */
export const USER_FIELDS = ['id', 'username', 'displayName', 'active', 'demo', 'createdAt', 'lastLoginAt', 'version'];
