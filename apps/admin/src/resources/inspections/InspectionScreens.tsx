import { InspectingBody, InspectionActionStatus, InspectionKind } from '@dangbo/shared-types';
import {
  AutocompleteInput,
  Create,
  Datagrid,
  Edit,
  List,
  ReferenceField,
  ReferenceInput,
  ReferenceManyField,
  required,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  TabbedShowLayout,
  TextField,
  TextInput,
} from 'react-admin';
import { AddChildButton, toParent } from '../../common/AddChildButton';
import { choicesOf } from '../../common/choices';
import { DateField } from '../../common/DateField';
import { DateInput } from '../../common/DateInput';
import { EmptyLine } from '../../common/EmptyLine';
import { EnumChipField } from '../../common/EnumChipField';
import { FormSection } from '../../common/FormSection';
import { EditActions, FilterCreateActions } from '../../common/RecordActions';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { useKeepPageOnOutage } from '../../common/useKeepPageOnOutage';
import { documentOptionText } from '../activities/choices';

const kindChoices = choicesOf('InspectionKind', InspectionKind);
const bodyChoices = choicesOf('InspectingBody', InspectingBody);
const STATUS_COLORS = { [InspectionActionStatus.DONE]: 'success', [InspectionActionStatus.OVERDUE]: 'error', [InspectionActionStatus.OPEN]: 'info' } as const;

const filters = [
  <UnitReferenceInput key="unitId" source="unitId" alwaysOn sx={{ minWidth: 300 }} />,
  <SelectInput key="kind" source="kind" choices={kindChoices} alwaysOn />,
  <SelectInput key="inspectingBody" source="inspectingBody" choices={bodyChoices} />,
  <DateInput key="from" source="from" />,
  <DateInput key="to" source="to" />,
];

const FIELDS = ['id', 'kind', 'inspectingBody', 'inspectingUnitId', 'subjectUnitId', 'subjectMemberId', 'topic', 'startOn', 'endOn', 'version'];

/** Inspections and supervision, newest first. */
export const InspectionList = () => (
  <List filters={filters} actions={<FilterCreateActions />} sort={{ field: 'startOn', order: 'DESC' }} perPage={25} queryOptions={{ meta: { sparseFields: FIELDS } }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField source="startOn" />
      <DateField source="endOn" sortable={false} />
      <SelectField source="kind" choices={kindChoices} sortable={false} />
      <SelectField source="inspectingBody" choices={bodyChoices} sortable={false} />
      <ReferenceField source="subjectUnitId" reference="OrgUnit" link={false} sortable={false} emptyText=" " />
      <ReferenceField source="subjectMemberId" reference="Member" link={false} sortable={false} emptyText=" " />
      <TextField source="topic" sortable={false} />
    </Datagrid>
  </List>
);

// Its own component: a show tab labels each child by the child's `label` prop, and this button wants no label above it.
const AddActionButton = () => <AddChildButton reference="InspectionAction" target="inspectionId" label="app.record.add_action" />;

export const InspectionShow = () => (
  <Show actions={<EditActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="app.record.general">
        <SelectField source="kind" choices={kindChoices} />
        <SelectField source="inspectingBody" choices={bodyChoices} />
        <ReferenceField source="inspectingUnitId" reference="OrgUnit" link="show" />
        <ReferenceField source="subjectUnitId" reference="OrgUnit" link="show" emptyText="app.common.none" />
        <ReferenceField source="subjectMemberId" reference="Member" link="show" emptyText="app.common.none" />
        <TextField source="topic" />
        <DateField source="startOn" />
        <DateField source="endOn" />
        <TextField source="findings" emptyText="app.common.none" />
        <TextField source="conclusion" emptyText="app.common.none" />
        <ReferenceField source="documentId" reference="Document" link="show" emptyText="app.common.none">
          <TextField source="number" />
        </ReferenceField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.record.actions">
        <AddActionButton />
        <ReferenceManyField reference="InspectionAction" target="inspectionId" sort={{ field: 'deadline', order: 'ASC' }} label={false}>
          <Datagrid rowClick="edit" bulkActionButtons={false} empty={<EmptyLine />}>
            <TextField source="action" />
            <DateField source="deadline" />
            <DateField source="doneOn" />
            <EnumChipField source="status" enumName="InspectionActionStatus" colors={STATUS_COLORS} />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);

/** An inspection that ends before it starts is refused by the API, on `endOn`. */
const InspectionFields = () => (
  <>
    <FormSection title="app.record.general">
      <SelectInput source="kind" choices={kindChoices} validate={required()} />
      <SelectInput source="inspectingBody" choices={bodyChoices} validate={required()} />
      <UnitReferenceInput source="inspectingUnitId" validate={required()} />
      <UnitReferenceInput source="subjectUnitId" />
      <ReferenceInput source="subjectMemberId" reference="Member">
        <AutocompleteInput optionText="fullName" filterToQuery={(q: string) => ({ q })} />
      </ReferenceInput>
      <ReferenceInput source="documentId" reference="Document" sort={{ field: 'issuedOn', order: 'DESC' }}>
        <AutocompleteInput optionText={documentOptionText} filterToQuery={(q: string) => ({ q })} />
      </ReferenceInput>
      <DateInput source="startOn" validate={required()} />
      <DateInput source="endOn" />
    </FormSection>
    <TextInput source="topic" validate={required()} multiline fullWidth />
    <TextInput source="findings" multiline fullWidth />
    <TextInput source="conclusion" multiline fullWidth />
  </>
);

export const InspectionCreate = () => (
  <Create redirect="show">
    <SimpleForm sx={{ maxWidth: 900 }} defaultValues={{ kind: InspectionKind.KIEM_TRA, inspectingBody: InspectingBody.COMMITTEE }}>
      <InspectionFields />
    </SimpleForm>
  </Create>
);

export const InspectionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={useKeepPageOnOutage()}>
    <SimpleForm sx={{ maxWidth: 900 }}>
      <InspectionFields />
    </SimpleForm>
  </Edit>
);

/** Back to the inspection's actions tab once an action is saved. */
const toInspection = toParent('Inspection', 'inspectionId', 1);

const ActionFields = () => (
  <>
    <TextInput source="action" validate={required()} multiline fullWidth />
    <DateInput source="deadline" />
    <DateInput source="doneOn" />
  </>
);

export const InspectionActionCreate = () => (
  <Create redirect={toInspection}>
    <SimpleForm sx={{ maxWidth: 700 }}>
      <ReferenceInput source="inspectionId" reference="Inspection">
        <AutocompleteInput optionText="topic" validate={required()} />
      </ReferenceInput>
      <ActionFields />
    </SimpleForm>
  </Create>
);

export const InspectionActionEdit = () => (
  <Edit mutationMode="pessimistic" redirect={toInspection} queryOptions={useKeepPageOnOutage()}>
    <SimpleForm sx={{ maxWidth: 700 }}>
      <ActionFields />
    </SimpleForm>
  </Edit>
);
