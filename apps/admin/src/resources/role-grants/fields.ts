/** What the user's page reads of each role it lists. */
export const GRANT_FIELDS = ['id', 'role', 'unitId', 'userId', 'validFrom', 'validTo', { unit: ['id', 'name'] }];
