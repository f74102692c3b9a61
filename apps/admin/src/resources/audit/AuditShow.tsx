import { Box, Divider } from '@mui/material';
import {
  Labeled,
  Link,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  ListButton,
  useCreatePath,
  useRecordContext,
  useResourceDefinitions,
} from 'react-admin';
import { DateTimeField } from '../../common/DateTimeField';
import { SectionHeading } from '../../common/SectionHeading';
import { EntityField, OperationField } from './AuditFields';
import { JsonDiff } from './JsonDiff';

interface AuditEntry {
  id: string;
  entity: string;
  entityId?: string | null;
  before?: string | null;
  after?: string | null;
}

/** The record the entry is about, linked when the panel has a page for it (a deleted record's page says so). */
const EntityIdField = () => {
  const entry = useRecordContext<AuditEntry>();
  const definitions = useResourceDefinitions();
  const createPath = useCreatePath();
  if (!entry?.entityId) return null;
  if (!definitions[entry.entity]?.hasShow) return <span>{entry.entityId}</span>;
  return <Link to={createPath({ resource: entry.entity, id: entry.entityId, type: 'show' })}>{entry.entityId}</Link>;
};

const Changes = () => {
  const entry = useRecordContext<AuditEntry>();
  if (!entry) return null;
  return (
    <Box component="section" aria-labelledby="audit-changes-title" sx={{ width: '100%' }}>
      <SectionHeading id="audit-changes-title" title="app.audit.changes" sx={{ mb: 1 }} />
      <JsonDiff entity={entry.entity} before={entry.before} after={entry.after} />
    </Box>
  );
};

const Actions = () => (
  <TopToolbar>
    <ListButton />
  </TopToolbar>
);

/** One entry: who, when, what, on which record, and its before/after side by side. Nothing here changes it. */
export const AuditShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(4, minmax(0, 1fr))' }, width: '100%' }}>
        <Labeled>
          <DateTimeField source="at" withSeconds />
        </Labeled>
        <Labeled>
          <TextField source="actor" />
        </Labeled>
        <Labeled>
          <OperationField source="operation" />
        </Labeled>
        <Labeled>
          <EntityField source="entity" />
        </Labeled>
        <Labeled source="entityId">
          <EntityIdField />
        </Labeled>
        <Labeled>
          <ReferenceField source="unitId" reference="OrgUnit" link="show" emptyText=" " />
        </Labeled>
        <Labeled>
          <TextField source="requestId" sx={{ fontFamily: 'monospace' }} />
        </Labeled>
      </Box>
      <Divider sx={{ width: '100%' }} />
      <Changes />
    </SimpleShowLayout>
  </Show>
);
