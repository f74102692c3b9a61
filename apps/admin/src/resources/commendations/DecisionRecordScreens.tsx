import type { ReactElement } from 'react';
import { Create, Datagrid, Edit, List, ReferenceField, required, SelectField, SelectInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { DateField } from '../../common/DateField';
import { EditActions, FilterCreateActions } from '../../common/RecordActions';
import { useKeepPageOnOutage } from '../../common/useKeepPageOnOutage';
import { dateFilters, decisionFields, DecisionInputs, decisionFilters, subjectChoices, SubjectInputs } from './DecisionFields';

type Choice = { id: string; name: string };

/**
 * What sets one decided record apart from another (a commendation's form and achievement, a discipline's level and
 * violation); the rest (subject, decision number, deciding body, dates) is the same for both.
 */
export interface DecisionRecordKind {
  /** The enum field: `form` or `level`. */
  kindSource: string;
  kindChoices: Choice[];
  kindDefault: string;
  /** The long text: `achievement` or `violation`. */
  textSource: string;
  textRequired: boolean;
}

/** List, show, create and edit screens of a decided record, newest decision first. */
export function decisionRecordScreens(kind: DecisionRecordKind): Record<'List' | 'Show' | 'Create' | 'Edit', () => ReactElement> {
  const { kindSource, kindChoices, kindDefault, textSource, textRequired } = kind;
  const filters = [...decisionFilters, <SelectInput key={kindSource} source={kindSource} choices={kindChoices} />, ...dateFilters];
  const fields = ['id', 'subject', 'memberId', 'unitId', kindSource, 'decisionNumber', 'decidedOn', textSource, 'version'];
  const Inputs = () => (
    <>
      <SubjectInputs />
      <SelectInput source={kindSource} choices={kindChoices} validate={required()} />
      <TextInput source={textSource} multiline fullWidth validate={textRequired ? required() : undefined} />
      <DecisionInputs />
    </>
  );
  return {
    List: () => (
      <List filters={filters} actions={<FilterCreateActions />} sort={{ field: 'decidedOn', order: 'DESC' }} perPage={25} queryOptions={{ meta: { sparseFields: fields } }}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <DateField source="decidedOn" />
          <SelectField source="subject" choices={subjectChoices} sortable={false} />
          <ReferenceField source="memberId" reference="Member" link={false} sortable={false} emptyText=" " />
          <ReferenceField source="unitId" reference="OrgUnit" link={false} sortable={false} />
          <SelectField source={kindSource} choices={kindChoices} sortable={false} />
          <TextField source="decisionNumber" sortable={false} />
        </Datagrid>
      </List>
    ),
    Show: () => (
      <Show actions={<EditActions />}>
        <SimpleShowLayout>
          <SelectField source={kindSource} choices={kindChoices} />
          <TextField source={textSource} emptyText="app.common.none" />
          {decisionFields()}
        </SimpleShowLayout>
      </Show>
    ),
    Create: () => (
      <Create redirect="show">
        <SimpleForm sx={{ maxWidth: 900 }} defaultValues={{ subject: 'INDIVIDUAL', [kindSource]: kindDefault }}>
          <Inputs />
        </SimpleForm>
      </Create>
    ),
    Edit: () => (
      <Edit mutationMode="pessimistic" redirect="show" queryOptions={useKeepPageOnOutage()}>
        <SimpleForm sx={{ maxWidth: 900 }}>
          <Inputs />
        </SimpleForm>
      </Edit>
    ),
  };
}
