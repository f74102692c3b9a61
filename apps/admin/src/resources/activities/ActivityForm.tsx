import {
  AutocompleteArrayInput,
  AutocompleteInput,
  Create,
  Edit,
  FormDataConsumer,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  type RaRecord,
} from 'react-admin';
import { DateInput } from '../../common/DateInput';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { useKeepPageOnOutage } from '../../common/useKeepPageOnOutage';
import { ActivityAudience, ActivityKind, activityKindChoices, audienceChoices, conferenceKindChoices, documentOptionText, mediumChoices } from './choices';

interface ActivityForm {
  kind?: string;
}

const ActivityFields = () => (
  <>
    <SelectInput source="kind" choices={activityKindChoices} validate={required()} />
    <FormDataConsumer<ActivityForm>>
      {({ formData }) =>
        formData.kind === ActivityKind.CONFERENCE ? (
          <SelectInput source="conferenceKind" choices={conferenceKindChoices} />
        ) : formData.kind === ActivityKind.PROPAGANDA ? (
          <>
            <SelectInput source="medium" choices={mediumChoices} />
            <ReferenceInput source="subjectMemberId" reference="Member">
              <AutocompleteInput optionText="fullName" filterToQuery={(q: string) => ({ q })} />
            </ReferenceInput>
            <UnitReferenceInput source="subjectUnitId" />
          </>
        ) : null
      }
    </FormDataConsumer>
    <UnitReferenceInput source="unitId" validate={required()} />
    <DateInput source="heldOn" validate={required()} />
    <TextInput source="title" validate={required()} fullWidth />
    <SelectInput source="audience" choices={audienceChoices} validate={required()} />
    <ReferenceArrayInput source="documentIds" reference="Document" sort={{ field: 'issuedOn', order: 'DESC' }}>
      <AutocompleteArrayInput optionText={documentOptionText} filterToQuery={(q: string) => ({ q })} />
    </ReferenceArrayInput>
    <TextInput source="note" multiline fullWidth />
  </>
);

/** A party-member meeting goes straight to its attendance sheet once created: that is what the clerk does next. */
const afterCreate = (_resource?: string, id?: RaRecord['id'], data?: Partial<RaRecord>) =>
  data?.audience === ActivityAudience.PARTY_MEMBERS ? `Activity/${id}/attendance` : `Activity/${id}/show`;

export const ActivityCreate = () => (
  <Create redirect={afterCreate}>
    <SimpleForm sx={{ maxWidth: 760 }} defaultValues={{ kind: ActivityKind.CELL_MEETING, audience: ActivityAudience.PARTY_MEMBERS, documentIds: [] }}>
      <ActivityFields />
    </SimpleForm>
  </Create>
);

export const ActivityEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={useKeepPageOnOutage()}>
    <SimpleForm sx={{ maxWidth: 760 }}>
      <ActivityFields />
    </SimpleForm>
  </Edit>
);
