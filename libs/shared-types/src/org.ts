/** Kinds of units in the organisation tree (product.md §1). Depth is not fixed. */
export enum OrgUnitKind {
  PROVINCE_COMMITTEE = 'PROVINCE_COMMITTEE',
  DISTRICT_COMMITTEE = 'DISTRICT_COMMITTEE',
  COMMUNE_COMMITTEE = 'COMMUNE_COMMITTEE',
  GRASSROOTS_COMMITTEE = 'GRASSROOTS_COMMITTEE',
  GRASSROOTS_CELL = 'GRASSROOTS_CELL',
  SUB_COMMITTEE = 'SUB_COMMITTEE',
  CELL = 'CELL',
  FRONT = 'FRONT',
  MASS_ORG = 'MASS_ORG',
}

/** Kind of a mass organisation (only for `OrgUnitKind.MASS_ORG`). */
export enum MassOrgKind {
  YOUTH_UNION = 'YOUTH_UNION',
  WOMEN_UNION = 'WOMEN_UNION',
  FARMERS_UNION = 'FARMERS_UNION',
  VETERANS_ASSOCIATION = 'VETERANS_ASSOCIATION',
  TRADE_UNION = 'TRADE_UNION',
  OTHER = 'OTHER',
}

/** Units whose members are party members directly (a member's "cell"). */
export const MEMBER_HOLDING_KINDS: readonly OrgUnitKind[] = [OrgUnitKind.CELL, OrgUnitKind.GRASSROOTS_CELL];

/** Units that are not party organisations and so never hold party members or party sub-units. */
export const NON_PARTY_KINDS: readonly OrgUnitKind[] = [OrgUnitKind.FRONT, OrgUnitKind.MASS_ORG];
