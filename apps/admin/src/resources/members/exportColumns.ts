import type { CsvColumn } from '../../common/useCsvExporter';

/** Columns of the exported member list, in the order of a party member register. */
export const MEMBER_EXPORT: readonly CsvColumn[] = [
  { source: 'fullName' },
  { source: 'gender', enumName: 'Gender' },
  { source: 'birthDate', date: true },
  { source: 'citizenId' },
  { source: 'cardNumber' },
  { source: 'recordNumber' },
  { source: 'admittedOn', date: true },
  { source: 'officialOn', date: true },
  { source: 'partyAgeYears' },
  { source: 'status', enumName: 'MemberStatus' },
  { source: 'cellId', reference: 'OrgUnit' },
  { source: 'note' },
];
