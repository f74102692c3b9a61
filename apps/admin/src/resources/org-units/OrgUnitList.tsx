import { Datagrid, ExportButton, List, ReferenceField, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { orgUnitKindChoices } from '../../common/choices';
import { DateField } from '../../common/DateField';
import { NumberField } from '../../common/NumberField';
import { FilterCreateActions } from '../../common/RecordActions';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { useCsvExporter } from '../../common/useCsvExporter';
import { UNIT_EXPORT } from './exportColumns';
import { XlsxExportButton } from '../../pages/reports/XlsxExportButton';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={orgUnitKindChoices} />,
  <UnitReferenceInput key="parentId" source="parentId" />,
];

const XLSX_COLUMNS = ['name', 'kind', 'code', 'parentId', 'childCount', 'memberCount', 'validFrom'];

/** react-admin's default actions, plus the .xlsx export beside the CSV one. */
const ListActions = () => (
  <FilterCreateActions>
    <ExportButton />
    <XlsxExportButton columns={XLSX_COLUMNS} />
  </FilterCreateActions>
);

/** All units as a flat, searchable table (the tree page shows the hierarchy). */
export const OrgUnitList = () => {
  const exporter = useCsvExporter('OrgUnit', UNIT_EXPORT, 'app.unit.export_file');
  return (
    <List filters={filters} actions={<ListActions />} sort={{ field: 'name', order: 'ASC' }} perPage={25} exporter={exporter}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <SelectField source="kind" choices={orgUnitKindChoices} />
        <TextField source="code" />
        <ReferenceField source="parentId" reference="OrgUnit" link="show" sortable={false} />
        <NumberField source="childCount" textAlign="right" sortable={false} />
        <NumberField source="memberCount" textAlign="right" sortable={false} />
        <DateField source="validFrom" />
      </Datagrid>
    </List>
  );
};
