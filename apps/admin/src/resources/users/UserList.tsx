import { Datagrid, List, SearchInput, SelectInput, TextField } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { roleChoices } from '../role-grants/roles';
import { ActiveField } from './ActiveField';
import { USER_LIST_FIELDS } from './fields';
import { RolesField } from './RolesField';

/** `unitId` finds those holding a role on the unit or below it; `role` those holding that role anywhere in scope. */
const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} alwaysOn />,
  <UnitReferenceInput key="unitId" source="unitId" alwaysOn sx={{ minWidth: 320 }} />,
];

/** The accounts of the caller's subtrees. */
export const UserList = () => (
  <List filters={filters} sort={{ field: 'username', order: 'ASC' }} perPage={25} exporter={false} queryOptions={{ meta: { sparseFields: USER_LIST_FIELDS } }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="username" sx={{ fontWeight: 600 }} />
      <TextField source="displayName" />
      <RolesField source="roles" sortable={false} />
      <ActiveField source="active" sortable={false} />
      <DateTimeField source="lastLoginAt" emptyText="app.user.never" />
    </Datagrid>
  </List>
);
