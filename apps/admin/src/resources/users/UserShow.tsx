import { BooleanField, Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { Box, Divider } from '@mui/material';
import { DateTimeField } from '../../common/DateTimeField';
import { RoleGrantsPanel } from '../role-grants/RoleGrantsPanel';
import { ActiveField } from './ActiveField';
import { USER_FIELDS } from './fields';

/** The account and, below it, the roles it holds (added and removed here). */
export const UserShow = () => (
  <Show queryOptions={{ meta: { sparseFields: USER_FIELDS } }}>
    <SimpleShowLayout>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' }, width: '100%' }}>
        <Labeled>
          <TextField source="username" />
        </Labeled>
        <Labeled>
          <TextField source="displayName" />
        </Labeled>
        <Labeled>
          <ActiveField source="active" />
        </Labeled>
        <Labeled>
          <DateTimeField source="lastLoginAt" emptyText="app.user.never" />
        </Labeled>
        <Labeled>
          <DateTimeField source="createdAt" />
        </Labeled>
        <Labeled>
          <BooleanField source="demo" />
        </Labeled>
      </Box>
      <Divider sx={{ width: '100%' }} />
      <RoleGrantsPanel />
    </SimpleShowLayout>
  </Show>
);
