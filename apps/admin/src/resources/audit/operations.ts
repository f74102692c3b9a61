/**
 * The operations and record types the audit log knows, for its filters and labels (`app.audit.operations.<op>`,
 * `resources.<Type>.name`). An operation the panel does not know yet is shown by its API name.
 */
export const AUDIT_OPERATIONS = [
  'login',
  'changeOwnPassword',
  'createUser',
  'updateUser',
  'deleteUser',
  'createRoleGrant',
  'deleteRoleGrant',
  'createApiToken',
  'revokeApiToken',
  'createOrgUnit',
  'updateOrgUnit',
  'deleteOrgUnit',
  'createMember',
  'updateMember',
  'deleteMember',
  'createCriteriaSet',
  'updateCriteriaSet',
  'deleteCriteriaSet',
  'cloneCriteriaSet',
  'publishCriteriaSet',
  'createCriterion',
  'updateCriterion',
  'deleteCriterion',
  'createRatingPeriod',
  'deleteRatingPeriod',
] as const;

export const AUDIT_ENTITIES = ['OrgUnit', 'Member', 'User', 'RoleGrant', 'ApiToken', 'CriteriaSet', 'Criterion', 'RatingPeriod'] as const;

export const operationKey = (operation: string) => `app.audit.operations.${operation}`;
export const entityKey = (entity: string) => `resources.${entity}.name`;
