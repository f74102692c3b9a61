import type { CsvColumn } from '../../common/useCsvExporter';

export const UNIT_EXPORT: readonly CsvColumn[] = [
  { source: 'name' },
  { source: 'shortName' },
  { source: 'code' },
  { source: 'kind', enumName: 'OrgUnitKind' },
  { source: 'massOrgKind', enumName: 'MassOrgKind' },
  { source: 'parentId', reference: 'OrgUnit' },
  { source: 'childCount' },
  { source: 'memberCount' },
  { source: 'validFrom', date: true },
  { source: 'validTo', date: true },
];
