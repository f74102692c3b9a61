import { DisciplineLevel } from '@dangbo/shared-types';
import { Create, CreateButton, Datagrid, Edit, EditButton, FilterButton, List, ReferenceField, required, SelectField, SelectInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, TopToolbar } from 'react-admin';
import { choicesOf } from '../../common/choices';
import { DateField } from '../../common/DateField';
import { useKeepPageOnOutage } from '../../common/useKeepPageOnOutage';
import { dateFilters, decisionFields, DecisionInputs, decisionFilters, subjectChoices, SubjectInputs } from '../commendations/DecisionFields';

const levelChoices = choicesOf('DisciplineLevel', DisciplineLevel);

const filters = [...decisionFilters, <SelectInput key="level" source="level" choices={levelChoices} />, ...dateFilters];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
  </TopToolbar>
);

const FIELDS = ['id', 'subject', 'memberId', 'unitId', 'level', 'decisionNumber', 'decidedOn', 'violation', 'version'];

/** Disciplines of members and collectives, newest decision first. */
export const DisciplineList = () => (
  <List filters={filters} actions={<ListActions />} sort={{ field: 'decidedOn', order: 'DESC' }} perPage={25} queryOptions={{ meta: { sparseFields: FIELDS } }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <DateField source="decidedOn" />
      <SelectField source="subject" choices={subjectChoices} sortable={false} />
      <ReferenceField source="memberId" reference="Member" link={false} sortable={false} emptyText=" " />
      <ReferenceField source="unitId" reference="OrgUnit" link={false} sortable={false} />
      <SelectField source="level" choices={levelChoices} sortable={false} />
      <TextField source="decisionNumber" sortable={false} />
    </Datagrid>
  </List>
);

export const DisciplineShow = () => (
  <Show
    actions={
      <TopToolbar>
        <EditButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <SelectField source="level" choices={levelChoices} />
      <TextField source="violation" />
      {decisionFields()}
    </SimpleShowLayout>
  </Show>
);

const DisciplineFields = () => (
  <>
    <SubjectInputs />
    <SelectInput source="level" choices={levelChoices} validate={required()} />
    <TextInput source="violation" multiline fullWidth validate={required()} />
    <DecisionInputs />
  </>
);

export const DisciplineCreate = () => (
  <Create redirect="show">
    <SimpleForm sx={{ maxWidth: 900 }} defaultValues={{ subject: 'INDIVIDUAL', form: DisciplineLevel.KHIEN_TRACH }}>
      <DisciplineFields />
    </SimpleForm>
  </Create>
);

export const DisciplineEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={useKeepPageOnOutage()}>
    <SimpleForm sx={{ maxWidth: 900 }}>
      <DisciplineFields />
    </SimpleForm>
  </Edit>
);
