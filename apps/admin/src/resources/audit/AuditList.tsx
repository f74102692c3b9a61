import { AutocompleteInput, Datagrid, List, ReferenceField, ReferenceInput, SearchInput, SelectInput, TextField, useTranslate } from 'react-admin';
import { DateInput } from '../../common/DateInput';
import { DateTimeField } from '../../common/DateTimeField';
import { EntityField, OperationField } from './AuditFields';
import { AUDIT_ENTITIES, AUDIT_OPERATIONS, entityKey, operationKey } from './operations';

const AUDIT_FIELDS = ['id', 'at', 'actor', 'operation', 'entity', 'entityId', 'unitId', 'userId'];

const userText = (user?: { displayName?: string; username?: string }) => (user ? `${user.displayName} (${user.username})` : '');

const useFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <DateInput key="from" source="from" alwaysOn />,
    <DateInput key="to" source="to" alwaysOn />,
    <SelectInput
      key="operation"
      source="operation"
      choices={AUDIT_OPERATIONS.map((op) => ({ id: op, name: translate(operationKey(op), { _: op }) }))}
      translateChoice={false}
      alwaysOn
    />,
    <SelectInput
      key="entity"
      source="entity"
      choices={AUDIT_ENTITIES.map((e) => ({ id: e, name: translate(entityKey(e), { smart_count: 1, _: e }) }))}
      translateChoice={false}
    />,
    <ReferenceInput key="userId" source="userId" reference="User" sort={{ field: 'username', order: 'ASC' }}>
      <AutocompleteInput optionText={userText} filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 280 }} />
    </ReferenceInput>,
  ];
};

/** Who did what and when, newest first; read only (no mutation changes the log). */
export const AuditList = () => {
  const filters = useFilters();
  return (
  <List
    filters={filters}
    sort={{ field: 'at', order: 'DESC' }}
    perPage={25}
    exporter={false}
    queryOptions={{ meta: { sparseFields: AUDIT_FIELDS } }}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateTimeField source="at" withSeconds />
      <TextField source="actor" />
      <OperationField source="operation" />
      <EntityField source="entity" />
      <TextField source="entityId" sortable={false} />
      <ReferenceField source="unitId" reference="OrgUnit" link="show" sortable={false} emptyText=" " />
    </Datagrid>
  </List>
  );
};
