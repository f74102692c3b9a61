import {
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  Datagrid,
  Edit,
  FilterButton,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { useKeepPageOnOutage } from '../../common/useKeepPageOnOutage';

const filters = [
  <ReferenceInput key="activityId" source="activityId" reference="Activity" sort={{ field: 'heldOn', order: 'DESC' }} alwaysOn>
    <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 320 }} />
  </ReferenceInput>,
  <ReferenceInput key="memberId" source="memberId" reference="Member" alwaysOn>
    <AutocompleteInput optionText="fullName" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <NullableBooleanInput key="present" source="present" />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
  </TopToolbar>
);

/** Single marks, to find a member's attendance across meetings; a meeting's sheet is entered on its own screen. */
export const AttendanceList = () => (
  <List filters={filters} actions={<ListActions />} sort={{ field: 'id', order: 'DESC' }} perPage={25} queryOptions={{ meta: { sparseFields: ['id', 'activityId', 'memberId', 'present', 'absenceReason'] } }}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <ReferenceField source="activityId" reference="Activity" link="show" sortable={false} />
      <ReferenceField source="memberId" reference="Member" link="show" sortable={false} />
      <BooleanField source="present" sortable={false} />
      <TextField source="absenceReason" sortable={false} />
    </Datagrid>
  </List>
);

/** One mark corrected on its own (the sheet's version moves on, so an open sheet will not silently overwrite it). */
export const AttendanceEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" queryOptions={useKeepPageOnOutage()}>
    <SimpleForm sx={{ maxWidth: 600 }}>
      <ReferenceField source="activityId" reference="Activity" link="show" />
      <ReferenceField source="memberId" reference="Member" link="show" />
      <BooleanInput source="present" />
      <TextInput source="absenceReason" fullWidth />
    </SimpleForm>
  </Edit>
);
