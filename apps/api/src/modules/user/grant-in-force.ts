/**
 * Whether a role grant confers anything on a day: the grant's own dates cover the day (validFrom <= day < validTo,
 * the same test authentication applies) and its unit exists that day. A grant on a unit that ended in a
 * reorganisation grants nothing afterwards (README: scope across events), even where its own validTo was left open.
 */
export interface DatedGrant {
  validFrom: string | null;
  validTo: string | null;
}

export interface DatedUnit {
  validFrom: string;
  validTo: string | null;
}

export function grantInForce(grant: DatedGrant, unit: DatedUnit | null | undefined, day: string): boolean {
  const grantCovers = (grant.validFrom === null || grant.validFrom <= day) && (grant.validTo === null || grant.validTo > day);
  const unitExists = !!unit && unit.validFrom <= day && (unit.validTo === null || unit.validTo > day);
  return grantCovers && unitExists;
}
