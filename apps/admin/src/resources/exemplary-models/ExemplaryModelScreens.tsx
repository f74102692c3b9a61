import { Create, Datagrid, Edit, List, NumberInput, ReferenceField, required, SelectField, Show, SimpleForm, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { EditActions, FilterCreateActions } from '../../common/RecordActions';
import { useKeepPageOnOutage } from '../../common/useKeepPageOnOutage';
import { decisionFields, DecisionInputs, decisionFilters, subjectChoices, SubjectInputs } from '../commendations/DecisionFields';

const filters = [...decisionFilters, <NumberInput key="year" source="year" />];

const FIELDS = ['id', 'year', 'subject', 'memberId', 'unitId', 'title', 'recognizedOn', 'version'];

/** Exemplary models (gương điển hình) of a year, individual or collective. */
export const ExemplaryModelList = () => (
  <List filters={filters} actions={<FilterCreateActions />} sort={{ field: 'year', order: 'DESC' }} perPage={25} queryOptions={{ meta: { sparseFields: FIELDS } }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="year" />
      <TextField source="title" sx={{ fontWeight: 600 }} sortable={false} />
      <SelectField source="subject" choices={subjectChoices} sortable={false} />
      <ReferenceField source="memberId" reference="Member" link={false} sortable={false} emptyText=" " />
      <ReferenceField source="unitId" reference="OrgUnit" link={false} sortable={false} />
    </Datagrid>
  </List>
);

export const ExemplaryModelShow = () => (
  <Show actions={<EditActions />}>
    <SimpleShowLayout>
      <TextField source="year" />
      <TextField source="title" />
      <TextField source="description" emptyText="app.common.none" />
      {decisionFields('recognizedOn')}
    </SimpleShowLayout>
  </Show>
);

const ModelFields = () => (
  <>
    <SubjectInputs />
    <NumberInput source="year" validate={required()} />
    <TextInput source="title" validate={required()} fullWidth />
    <TextInput source="description" multiline fullWidth />
    <DecisionInputs dateSource="recognizedOn" dateRequired={false} />
  </>
);

export const ExemplaryModelCreate = () => (
  <Create redirect="show">
    <SimpleForm sx={{ maxWidth: 900 }} defaultValues={{ subject: 'INDIVIDUAL', year: new Date().getFullYear() }}>
      <ModelFields />
    </SimpleForm>
  </Create>
);

export const ExemplaryModelEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={useKeepPageOnOutage()}>
    <SimpleForm sx={{ maxWidth: 900 }}>
      <ModelFields />
    </SimpleForm>
  </Edit>
);
