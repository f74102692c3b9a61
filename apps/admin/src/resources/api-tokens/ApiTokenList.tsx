import { Datagrid, List, ReferenceField, SearchInput, TextField } from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { RevokeTokenButton } from './RevokeTokenButton';
import { TokenStatusField } from './TokenStatusField';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <UnitReferenceInput key="unitId" source="unitId" alwaysOn sx={{ minWidth: 320 }} />];

const TOKEN_FIELDS = ['id', 'name', 'unitId', 'createdAt', 'expiresAt', 'lastUsedAt', 'revokedAt'];

/** Read-only API tokens of the caller's subtrees, newest first (the API's order); the secret is never listed. */
export const ApiTokenList = () => (
  <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={false} queryOptions={{ meta: { sparseFields: TOKEN_FIELDS } }}>
    <Datagrid rowClick={false} bulkActionButtons={false}>
      <TextField source="name" sx={{ fontWeight: 600 }} sortable={false} />
      <ReferenceField source="unitId" reference="OrgUnit" link="show" sortable={false} />
      <DateTimeField source="createdAt" sortable={false} />
      <DateTimeField source="expiresAt" sortable={false} />
      <DateTimeField source="lastUsedAt" emptyText="app.token.never_used" sortable={false} />
      <DateTimeField source="revokedAt" sortable={false} />
      <TokenStatusField source="revokedAt" label="app.token.status" sortable={false} />
      <RevokeTokenButton />
    </Datagrid>
  </List>
);
