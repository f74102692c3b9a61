import { AutocompleteInput, Create, FormDataConsumer, ReferenceInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { FormSection } from '../../common/FormSection';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { subjectKindChoices } from './choices';

interface SetOption {
  id: string;
  name: string;
}

const setOptionText = (s: SetOption | undefined) => (s ? s.name : '');

/** Sets to start from: those for the chosen subject kind (every kind until one is chosen). */
const CopyFromInput = () => (
  <FormDataConsumer<{ subjectKind?: string }>>
    {({ formData: { subjectKind } }) => (
      <ReferenceInput source="copyFromId" reference="CriteriaSet" filter={subjectKind ? { subjectKind } : {}} sort={{ field: 'id', order: 'ASC' }} perPage={50}>
        <AutocompleteInput optionText={setOptionText} filterToQuery={(q: string) => ({ q })} helperText="app.criteria.create.copy_help" fullWidth />
      </ReferenceInput>
    )}
  </FormDataConsumer>
);

/**
 * A new draft set: owner unit, period, subject kind and name, optionally a copy of an existing set (a province
 * template of Quy định 366). The editor opens on the new draft.
 */
export const CriteriaSetCreate = () => (
  <Create redirect="edit">
    <SimpleForm sx={{ maxWidth: 900 }}>
      <FormSection title="app.criteria.create.section" help="app.criteria.create.help">
        <UnitReferenceInput source="unitId" validate={required()} helperText="app.criteria.create.unit_help" />
        <ReferenceInput source="periodId" reference="RatingPeriod">
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
        <SelectInput source="subjectKind" choices={subjectKindChoices} validate={required()} />
      </FormSection>
      <TextInput source="name" validate={required()} fullWidth multiline />
      <CopyFromInput />
    </SimpleForm>
  </Create>
);
