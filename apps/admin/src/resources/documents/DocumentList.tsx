import { AutocompleteInput, Datagrid, List, NumberField, ReferenceField, ReferenceInput, SearchInput, TextField, TextInput } from 'react-admin';
import { XlsxExportButton } from '../../pages/reports/XlsxExportButton';
import { DateField } from '../../common/DateField';
import { DateInput } from '../../common/DateInput';
import { FilterCreateActions } from '../../common/RecordActions';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { documentOptionText } from '../activities/choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <UnitReferenceInput key="unitId" source="unitId" alwaysOn sx={{ minWidth: 300 }} />,
  <TextInput key="typeCode" source="typeCode" alwaysOn sx={{ maxWidth: 120 }} />,
  <DateInput key="issuedFrom" source="issuedFrom" />,
  <DateInput key="issuedTo" source="issuedTo" />,
  <ReferenceInput key="implementsId" source="implementsId" reference="Document" sort={{ field: 'issuedOn', order: 'DESC' }}>
    <AutocompleteInput optionText={documentOptionText} filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];

const XLSX_COLUMNS = ['number', 'typeName', 'issuedOn', 'issuerName', 'title', 'implementsId', 'recipientCount'];

const ListActions = () => (
  <FilterCreateActions>
    <XlsxExportButton columns={XLSX_COLUMNS} />
  </FilterCreateActions>
);

const FIELDS = ['id', 'number', 'typeName', 'issuerName', 'issuedOn', 'title', 'implementsId', 'recipientCount', 'version'];

/** The document register: directives, plans, dispatches, newest first. */
export const DocumentList = () => (
  <List filters={filters} actions={<ListActions />} sort={{ field: 'issuedOn', order: 'DESC' }} perPage={25} queryOptions={{ meta: { sparseFields: FIELDS } }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="number" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }} />
      <TextField source="typeName" sortable={false} />
      <DateField source="issuedOn" />
      <TextField source="issuerName" sortable={false} />
      <TextField source="title" sortable={false} />
      <ReferenceField source="implementsId" reference="Document" link="show" sortable={false} emptyText=" ">
        <TextField source="number" />
      </ReferenceField>
      <NumberField source="recipientCount" sortable={false} />
    </Datagrid>
  </List>
);
