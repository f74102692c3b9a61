import { CreateButton, Datagrid, List, SelectField, TextField, TopToolbar } from 'react-admin';
import { DateField } from '../../common/DateField';
import { periodKindChoices } from '../criteria-sets/choices';

const ListActions = () => (
  <TopToolbar>
    <CreateButton />
  </TopToolbar>
);

/** Rating periods (a year or a quarter), newest first; a locked period takes no more ratings. */
export const RatingPeriodList = () => (
  <List actions={<ListActions />} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" sx={{ fontWeight: 600 }} />
      <SelectField source="kind" choices={periodKindChoices} sortable={false} />
      <TextField source="year" sortable={false} />
      <DateField source="startDate" sortable={false} />
      <DateField source="endDate" sortable={false} />
      <DateField source="lockedAt" sortable={false} />
    </Datagrid>
  </List>
);
