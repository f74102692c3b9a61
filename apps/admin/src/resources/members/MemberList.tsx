import {
  CreateButton,
  DatagridConfigurable,
  ExportButton,
  FilterButton,
  List,
  ReferenceField,
  SearchInput,
  SelectColumnsButton,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { genderChoices, memberStatusChoices } from '../../common/choices';
import { DateField } from '../../common/DateField';
import { EnumChipField } from '../../common/EnumChipField';
import { PartyAgeField } from '../../common/PartyAgeField';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { useCsvExporter } from '../../common/useCsvExporter';
import { MEMBER_EXPORT } from './exportColumns';
import { XlsxExportButton } from '../../pages/reports/XlsxExportButton';
import { STATUS_COLORS } from './statusColors';

/** `q` ignores diacritics and `unitId` takes the whole subtree: both are done by the API. */
const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <UnitReferenceInput key="unitId" source="unitId" label="app.member.unit_filter" alwaysOn sx={{ minWidth: 320 }} />,
  <SelectInput key="status" source="status" choices={memberStatusChoices} />,
  <SelectInput key="gender" source="gender" choices={genderChoices} />,
];

/** Columns the .xlsx export may carry: those of the datagrid (the visible ones are sent). */
const MEMBER_XLSX_COLUMNS = ['fullName', 'gender', 'birthDate', 'cellId', 'status', 'admittedOn', 'officialOn', 'partyAgeYears', 'cardNumber', 'recordNumber', 'citizenId'];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <SelectColumnsButton />
    <CreateButton />
    <ExportButton maxResults={1000} />
    <XlsxExportButton columns={MEMBER_XLSX_COLUMNS} />
  </TopToolbar>
);

/** Party members, in the API's Vietnamese name order (given name, family name, middle name, birth date). */
export const MemberList = () => {
  const exporter = useCsvExporter('Member', MEMBER_EXPORT, 'app.member.export_file');
  return (
    <List filters={filters} actions={<ListActions />} sort={{ field: 'fullName', order: 'ASC' }} perPage={25} exporter={exporter}>
      <DatagridConfigurable rowClick="show" bulkActionButtons={false} omit={['citizenId', 'recordNumber', 'officialOn']}>
        <TextField source="fullName" sx={{ fontWeight: 600 }} />
        <SelectField source="gender" choices={genderChoices} />
        <DateField source="birthDate" />
        <ReferenceField source="cellId" reference="OrgUnit" link="show" sortable={false} />
        <EnumChipField source="status" enumName="MemberStatus" colors={STATUS_COLORS} />
        <DateField source="admittedOn" />
        <DateField source="officialOn" />
        <PartyAgeField source="partyAgeYears" sortable={false} />
        <TextField source="cardNumber" />
        <TextField source="recordNumber" sortable={false} />
        <TextField source="citizenId" sortable={false} />
      </DatagridConfigurable>
    </List>
  );
};
