import { StudyOutcome, StudySpecificity } from '@dangbo/shared-types';
import {
  AutocompleteInput,
  Create,
  Datagrid,
  Edit,
  List,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  ReferenceManyField,
  required,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  maxValue,
  minValue,
} from 'react-admin';
import { AddChildButton, toParent } from '../../common/AddChildButton';
import { choicesOf } from '../../common/choices';
import { DateField } from '../../common/DateField';
import { DateInput } from '../../common/DateInput';
import { EmptyLine } from '../../common/EmptyLine';
import { EditActions, FilterCreateActions } from '../../common/RecordActions';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { useKeepPageOnOutage } from '../../common/useKeepPageOnOutage';

const specificityChoices = choicesOf('StudySpecificity', StudySpecificity);
const outcomeChoices = choicesOf('StudyOutcome', StudyOutcome);
const monthChoices = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, name: String(i + 1) }));

const memberInput = (
  <ReferenceInput key="memberId" source="memberId" reference="Member">
    <AutocompleteInput optionText="fullName" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>
);

const filters = [<UnitReferenceInput key="unitId" source="unitId" alwaysOn sx={{ minWidth: 300 }} />, <NumberInput key="year" source="year" alwaysOn />, memberInput];

/** Members' yearly study and follow registrations; the cell reviews each month's entry on the registration's page. */
export const StudyRegistrationList = () => (
  <List filters={filters} actions={<FilterCreateActions />} sort={{ field: 'year', order: 'DESC' }} perPage={25} queryOptions={{ meta: { sparseFields: ['id', 'memberId', 'year', 'commitment', 'version'] } }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="year" />
      <ReferenceField source="memberId" reference="Member" link={false} sortable={false} />
      <TextField source="commitment" sortable={false} />
    </Datagrid>
  </List>
);

export const StudyRegistrationShow = () => (
  <Show
    actions={
      <EditActions>
        <AddChildButton reference="StudyEntry" target="registrationId" label="app.record.add_entry" />
      </EditActions>
    }
  >
    <SimpleShowLayout>
      <ReferenceField source="memberId" reference="Member" link="show" />
      <TextField source="year" />
      <TextField source="commitment" />
      <ReferenceManyField reference="StudyEntry" target="registrationId" sort={{ field: 'month', order: 'ASC' }} perPage={12} label="app.record.entries">
        <Datagrid rowClick="edit" bulkActionButtons={false} empty={<EmptyLine />}>
          <TextField source="month" />
          <TextField source="content" />
          <SelectField source="specificity" choices={specificityChoices} emptyText=" " />
          <SelectField source="outcome" choices={outcomeChoices} emptyText=" " />
          <TextField source="reviewedBy" emptyText=" " />
          <DateField source="reviewedOn" />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
  </Show>
);

export const StudyRegistrationCreate = () => (
  <Create redirect="show">
    <SimpleForm sx={{ maxWidth: 700 }} defaultValues={{ year: new Date().getFullYear() }}>
      <ReferenceInput source="memberId" reference="Member">
        <AutocompleteInput optionText="fullName" filterToQuery={(q: string) => ({ q })} validate={required()} />
      </ReferenceInput>
      <NumberInput source="year" validate={[required(), minValue(2000), maxValue(2100)]} />
      <TextInput source="commitment" validate={required()} multiline fullWidth />
    </SimpleForm>
  </Create>
);

export const StudyRegistrationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={useKeepPageOnOutage()}>
    <SimpleForm sx={{ maxWidth: 700 }}>
      <ReferenceField source="memberId" reference="Member" link="show" />
      <TextField source="year" />
      <TextInput source="commitment" validate={required()} multiline fullWidth />
    </SimpleForm>
  </Edit>
);

/** Back to the registration once an entry is saved. */
const toRegistration = toParent('StudyRegistration', 'registrationId');

/** A month's entry and the cell's review of it (specific or generic, done or not). */
const EntryFields = () => (
  <>
    <SelectInput source="month" choices={monthChoices} validate={required()} />
    <TextInput source="content" validate={required()} multiline fullWidth />
    <SelectInput source="specificity" choices={specificityChoices} />
    <SelectInput source="outcome" choices={outcomeChoices} />
    <DateInput source="reviewedOn" />
  </>
);

export const StudyEntryCreate = () => (
  <Create redirect={toRegistration}>
    <SimpleForm sx={{ maxWidth: 700 }}>
      <ReferenceInput source="registrationId" reference="StudyRegistration">
        <AutocompleteInput optionText={(r: { year?: number; commitment?: string }) => `${r.year ?? ''} — ${r.commitment ?? ''}`} validate={required()} />
      </ReferenceInput>
      <EntryFields />
    </SimpleForm>
  </Create>
);

export const StudyEntryEdit = () => (
  <Edit mutationMode="pessimistic" redirect={toRegistration} queryOptions={useKeepPageOnOutage()}>
    <SimpleForm sx={{ maxWidth: 700 }}>
      <EntryFields />
    </SimpleForm>
  </Edit>
);
