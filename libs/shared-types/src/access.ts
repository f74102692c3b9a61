/** Roles are held on a unit and apply to its whole subtree. */
export enum Role {
  SYSTEM_ADMIN = 'SYSTEM_ADMIN',
  UNIT_ADMIN = 'UNIT_ADMIN',
  CRITERIA_ADMIN = 'CRITERIA_ADMIN',
  APPRAISER = 'APPRAISER',
  DECIDER = 'DECIDER',
  CELL_SECRETARY = 'CELL_SECRETARY',
  ANALYST = 'ANALYST',
}

/** What a role lets its holder do within the subtree it is held on. */
export enum Capability {
  READ = 'READ',
  MANAGE_UNITS = 'MANAGE_UNITS',
  MANAGE_MEMBERS = 'MANAGE_MEMBERS',
  MANAGE_ACTIVITIES = 'MANAGE_ACTIVITIES',
  MANAGE_USERS = 'MANAGE_USERS',
  MANAGE_CRITERIA = 'MANAGE_CRITERIA',
  APPRAISE = 'APPRAISE',
  DECIDE = 'DECIDE',
  RECORD_CELL_WORK = 'RECORD_CELL_WORK',
  READ_AUDIT = 'READ_AUDIT',
  MANAGE_TOKENS = 'MANAGE_TOKENS',
}

/** The one map from roles to capabilities: the API's auth checker and the admin's canAccess both read it. */
export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  [Role.SYSTEM_ADMIN]: Object.values(Capability),
  [Role.UNIT_ADMIN]: [
    Capability.READ,
    Capability.MANAGE_UNITS,
    Capability.MANAGE_MEMBERS,
    Capability.MANAGE_ACTIVITIES,
    // The committee office keeps the cells' records too, and so may appoint cell secretaries.
    Capability.RECORD_CELL_WORK,
    Capability.MANAGE_USERS,
    Capability.READ_AUDIT,
    Capability.MANAGE_TOKENS,
  ],
  [Role.CRITERIA_ADMIN]: [Capability.READ, Capability.MANAGE_CRITERIA],
  [Role.APPRAISER]: [Capability.READ, Capability.APPRAISE],
  [Role.DECIDER]: [Capability.READ, Capability.DECIDE],
  [Role.CELL_SECRETARY]: [Capability.READ, Capability.RECORD_CELL_WORK],
  [Role.ANALYST]: [Capability.READ],
};

/** Capabilities granted by a set of roles. */
export function capabilitiesOf(roles: Iterable<Role>): Set<Capability> {
  const out = new Set<Capability>();
  for (const role of roles) for (const c of ROLE_CAPABILITIES[role]) out.add(c);
  return out;
}

/** The capability each admin resource needs to be changed (reading needs READ unless listed in READ_NEEDS). */
export const RESOURCE_WRITE_CAPABILITY: Record<string, Capability> = {
  OrgUnit: Capability.MANAGE_UNITS,
  Member: Capability.MANAGE_MEMBERS,
  User: Capability.MANAGE_USERS,
  RoleGrant: Capability.MANAGE_USERS,
  ApiToken: Capability.MANAGE_TOKENS,
  AuditEntry: Capability.READ_AUDIT,
  CriteriaSet: Capability.MANAGE_CRITERIA,
  Criterion: Capability.MANAGE_CRITERIA,
  RatingPeriod: Capability.DECIDE,
  Document: Capability.MANAGE_ACTIVITIES,
  DocumentRecipient: Capability.MANAGE_ACTIVITIES,
  Activity: Capability.MANAGE_ACTIVITIES,
  // The cell secretary keeps the attendance of the cell's meetings (the office holds RECORD_CELL_WORK too).
  Attendance: Capability.RECORD_CELL_WORK,
  Outreach: Capability.MANAGE_ACTIVITIES,
  // Members' study registrations and their monthly review are the cell's own work (product.md: cell secretary).
  StudyRegistration: Capability.RECORD_CELL_WORK,
  StudyEntry: Capability.RECORD_CELL_WORK,
  Commendation: Capability.MANAGE_ACTIVITIES,
  Discipline: Capability.MANAGE_ACTIVITIES,
  ExemplaryModel: Capability.MANAGE_ACTIVITIES,
  Inspection: Capability.MANAGE_ACTIVITIES,
  InspectionAction: Capability.MANAGE_ACTIVITIES,
};

/**
 * Resources whose very reading needs more than READ. The API lets any signed-in caller read the accounts of their
 * subtree (names in the audit log, who holds which role); the panel shows the account screens only to those who
 * manage accounts.
 */
export const RESOURCE_READ_CAPABILITY: Record<string, Capability> = {
  User: Capability.MANAGE_USERS,
  RoleGrant: Capability.MANAGE_USERS,
  ApiToken: Capability.MANAGE_TOKENS,
  AuditEntry: Capability.READ_AUDIT,
};

const READ_ACTIONS = new Set(['list', 'show', 'export', 'read']);

/**
 * Whether holding `capabilities` allows `action` on `resource` (react-admin's canAccess). The server checks the
 * same capabilities, per subtree; this only keeps the panel from showing a button the server would refuse.
 */
export function canAccessResource(capabilities: ReadonlySet<Capability>, resource: string, action: string): boolean {
  if (READ_ACTIONS.has(action)) return capabilities.has(RESOURCE_READ_CAPABILITY[resource] ?? Capability.READ);
  if (resource === 'AuditEntry') return false; // the log is never changed
  const needed = RESOURCE_WRITE_CAPABILITY[resource];
  return needed !== undefined && capabilities.has(needed);
}
