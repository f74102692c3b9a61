import { Datagrid, List, ReferenceField, ReferenceInput, AutocompleteInput, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { XlsxExportButton } from '../../pages/reports/XlsxExportButton';
import { DateField } from '../../common/DateField';
import { DateInput } from '../../common/DateInput';
import { FilterCreateActions } from '../../common/RecordActions';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { AttendanceButton } from './AttendanceButton';
import { activityKindChoices, audienceChoices, conferenceKindChoices, documentOptionText, mediumChoices } from './choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <UnitReferenceInput key="unitId" source="unitId" label="app.directive.unit_filter" alwaysOn sx={{ minWidth: 300 }} />,
  <SelectInput key="kind" source="kind" choices={activityKindChoices} alwaysOn />,
  <DateInput key="heldFrom" source="heldFrom" />,
  <DateInput key="heldTo" source="heldTo" />,
  <SelectInput key="conferenceKind" source="conferenceKind" choices={conferenceKindChoices} />,
  <SelectInput key="medium" source="medium" choices={mediumChoices} />,
  <ReferenceInput key="documentId" source="documentId" reference="Document" sort={{ field: 'issuedOn', order: 'DESC' }}>
    <AutocompleteInput optionText={documentOptionText} filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];

const XLSX_COLUMNS = ['heldOn', 'title', 'kind', 'unitId', 'audience'];

const ListActions = () => (
  <FilterCreateActions>
    <XlsxExportButton columns={XLSX_COLUMNS} />
  </FilterCreateActions>
);

const FIELDS = ['id', 'kind', 'conferenceKind', 'medium', 'unitId', 'heldOn', 'title', 'audience', 'version'];

/** Conferences, cell meetings, seminars and propaganda items, newest first. */
export const ActivityList = () => (
  <List filters={filters} actions={<ListActions />} sort={{ field: 'heldOn', order: 'DESC' }} perPage={25} queryOptions={{ meta: { sparseFields: FIELDS } }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField source="heldOn" />
      <TextField source="title" sx={{ fontWeight: 600 }} />
      <SelectField source="kind" choices={activityKindChoices} sortable={false} />
      <ReferenceField source="unitId" reference="OrgUnit" link={false} sortable={false} />
      <SelectField source="audience" choices={audienceChoices} sortable={false} />
      <AttendanceButton />
    </Datagrid>
  </List>
);
