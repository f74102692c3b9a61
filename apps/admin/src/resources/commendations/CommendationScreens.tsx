import { CommendationForm } from '@dangbo/shared-types';
import { Create, CreateButton, Datagrid, Edit, EditButton, FilterButton, List, ReferenceField, required, SelectField, SelectInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, TopToolbar } from 'react-admin';
import { choicesOf } from '../../common/choices';
import { DateField } from '../../common/DateField';
import { useKeepPageOnOutage } from '../../common/useKeepPageOnOutage';
import { dateFilters, decisionFields, DecisionInputs, decisionFilters, subjectChoices, SubjectInputs } from './DecisionFields';

const formChoices = choicesOf('CommendationForm', CommendationForm);

const filters = [...decisionFilters, <SelectInput key="form" source="form" choices={formChoices} />, ...dateFilters];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

const FIELDS = ['id', 'subject', 'memberId', 'unitId', 'form', 'decisionNumber', 'decidedOn', 'achievement', 'version'];

/** Commendations of members and collectives, newest decision first. */
export const CommendationList = () => (
  <List filters={filters} actions={<ListActions />} sort={{ field: 'decidedOn', order: 'DESC' }} perPage={25} queryOptions={{ meta: { sparseFields: FIELDS } }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField source="decidedOn" />
      <SelectField source="subject" choices={subjectChoices} sortable={false} />
      <ReferenceField source="memberId" reference="Member" link={false} sortable={false} emptyText=" " />
      <ReferenceField source="unitId" reference="OrgUnit" link={false} sortable={false} />
      <SelectField source="form" choices={formChoices} sortable={false} />
      <TextField source="decisionNumber" sortable={false} />
    </Datagrid>
  </List>
);

export const CommendationShow = () => (
  <Show
    actions={
      <TopToolbar>
        <EditButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <SelectField source="form" choices={formChoices} />
      <TextField source="achievement" emptyText="app.common.none" />
      {decisionFields()}
    </SimpleShowLayout>
  </Show>
);

const CommendationFields = () => (
  <>
    <SubjectInputs />
    <SelectInput source="form" choices={formChoices} validate={required()} />
    <TextInput source="achievement" multiline fullWidth />
    <DecisionInputs />
  </>
);

export const CommendationCreate = () => (
  <Create redirect="show">
    <SimpleForm sx={{ maxWidth: 900 }} defaultValues={{ subject: 'INDIVIDUAL', form: CommendationForm.GIAY_KHEN }}>
      <CommendationFields />
    </SimpleForm>
  </Create>
);

export const CommendationEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={useKeepPageOnOutage()}>
    <SimpleForm sx={{ maxWidth: 900 }}>
      <CommendationFields />
    </SimpleForm>
  </Edit>
);
