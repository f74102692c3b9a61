/**
 * Select choices for the shared enums: ids from @dangbo/shared-types, names as translation keys
 * (`enums.<Enum>.<VALUE>`), which react-admin's inputs and SelectField translate.
 */
import { Gender, MassOrgKind, MemberStatus, OrgUnitKind } from '@dangbo/shared-types';

export interface Choice {
  id: string;
  name: string;
}

export function choicesOf(enumName: string, values: Record<string, string>): Choice[] {
  return Object.values(values).map((id) => ({ id, name: `enums.${enumName}.${id}` }));
}

export const orgUnitKindChoices = choicesOf('OrgUnitKind', OrgUnitKind);
export const massOrgKindChoices = choicesOf('MassOrgKind', MassOrgKind);
export const memberStatusChoices = choicesOf('MemberStatus', MemberStatus);
export const genderChoices = choicesOf('Gender', Gender);

/** The translation key of one enum value. */
export const enumLabel = (enumName: string, value: string) => `enums.${enumName}.${value}`;
