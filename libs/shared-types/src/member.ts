export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

/** Status of a party member (product.md §2). */
export enum MemberStatus {
  PROBATIONARY = 'PROBATIONARY',
  OFFICIAL = 'OFFICIAL',
  EXEMPTED = 'EXEMPTED',
  SUSPENDED = 'SUSPENDED',
  TRANSFERRED_OUT = 'TRANSFERRED_OUT',
  DECEASED = 'DECEASED',
  REMOVED = 'REMOVED',
}

/** Kind of a dated cell membership: official transfer (with the dossier) or temporary. */
export enum MembershipKind {
  OFFICIAL = 'OFFICIAL',
  TEMPORARY = 'TEMPORARY',
}

/** Party posts a member holds on a unit, dated. */
export enum PositionTitle {
  SECRETARY = 'SECRETARY',
  DEPUTY_SECRETARY = 'DEPUTY_SECRETARY',
  STANDING_COMMITTEE_MEMBER = 'STANDING_COMMITTEE_MEMBER',
  COMMITTEE_MEMBER = 'COMMITTEE_MEMBER',
  CELL_COMMITTEE_MEMBER = 'CELL_COMMITTEE_MEMBER',
  INSPECTION_CHAIR = 'INSPECTION_CHAIR',
  INSPECTION_DEPUTY_CHAIR = 'INSPECTION_DEPUTY_CHAIR',
  INSPECTION_MEMBER = 'INSPECTION_MEMBER',
  HEAD = 'HEAD',
  DEPUTY_HEAD = 'DEPUTY_HEAD',
}
