import { Datagrid, ReferenceField, ReferenceManyField, SelectField, Show, TabbedShowLayout, TextField } from 'react-admin';
import { AddChildButton } from '../../common/AddChildButton';
import { DateField } from '../../common/DateField';
import { EmptyLine } from '../../common/EmptyLine';
import { EditActions } from '../../common/RecordActions';
import { activityKindChoices } from '../activities/choices';

// Its own component: a show tab labels each child by the child's `label` prop, and this button wants no label above it.
const AddRecipientButton = () => <AddChildButton reference="DocumentRecipient" target="documentId" label="app.document.add_recipient" />;

/** A document as the register keeps it: the issuer as named on the issue date, what it implements, where it was sent. */
export const DocumentShow = () => (
  <Show actions={<EditActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="app.record.general">
        <TextField source="number" />
        <TextField source="typeName" />
        <TextField source="issuerName" />
        <ReferenceField source="issuerUnitId" reference="OrgUnit" link="show" emptyText="app.common.none" />
        <TextField source="issuerCode" />
        <TextField source="term" emptyText="app.common.none" />
        <DateField source="issuedOn" />
        <TextField source="title" />
        <TextField source="summary" emptyText="app.common.none" />
        <ReferenceField source="implementsId" reference="Document" link="show" emptyText="app.common.none">
          <TextField source="number" />
        </ReferenceField>
        <ReferenceField source="ownerUnitId" reference="OrgUnit" link="show" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.document.recipients">
        <AddRecipientButton />
        <ReferenceManyField reference="DocumentRecipient" target="documentId" sort={{ field: 'sentOn', order: 'ASC' }} perPage={200}>
          <Datagrid rowClick="edit" bulkActionButtons={false} empty={<EmptyLine />}>
            <ReferenceField source="unitId" reference="OrgUnit" link={false} />
            <DateField source="sentOn" />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.document.implementing">
        <ReferenceManyField reference="Document" target="implementsId" sort={{ field: 'issuedOn', order: 'ASC' }}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<EmptyLine />}>
            <TextField source="number" />
            <TextField source="typeName" />
            <DateField source="issuedOn" />
            <TextField source="title" />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.document.activities">
        <ReferenceManyField reference="Activity" target="documentId" sort={{ field: 'heldOn', order: 'ASC' }}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<EmptyLine />}>
            <DateField source="heldOn" />
            <TextField source="title" />
            <SelectField source="kind" choices={activityKindChoices} />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
