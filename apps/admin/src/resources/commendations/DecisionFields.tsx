/**
 * What commendations, discipline and exemplary models share: whom the record is about (a member, or a collective),
 * the decision (number, deciding body, date) and the document or conference it came from.
 */
import { RecordSubject } from '@dangbo/shared-types';
import {
  AutocompleteInput,
  FormDataConsumer,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  required,
} from 'react-admin';
import { choicesOf } from '../../common/choices';
import { DateField } from '../../common/DateField';
import { DateInput } from '../../common/DateInput';
import { FormSection } from '../../common/FormSection';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { documentOptionText } from '../activities/choices';

export const subjectChoices = choicesOf('RecordSubject', RecordSubject);

export const SubjectInputs = () => (
  <FormSection title="app.record.general" help="app.record.subject_help">
    <SelectInput source="subject" choices={subjectChoices} />
    <FormDataConsumer<{ subject?: string }>>
      {({ formData }) =>
        formData.subject === RecordSubject.COLLECTIVE ? (
          <UnitReferenceInput source="unitId" />
        ) : (
          <ReferenceInput source="memberId" reference="Member">
            <AutocompleteInput optionText="fullName" filterToQuery={(q: string) => ({ q })} />
          </ReferenceInput>
        )
      }
    </FormDataConsumer>
  </FormSection>
);

export const DecisionInputs = ({ dateSource = 'decidedOn', dateRequired = true }: { dateSource?: string; dateRequired?: boolean }) => (
  <FormSection title="app.record.decision">
    <TextInput source="decisionNumber" />
    <DateInput source={dateSource} validate={dateRequired ? required() : undefined} />
    <UnitReferenceInput source="decidingUnitId" />
    <TextInput source="decidingBodyName" />
    <ReferenceInput source="documentId" reference="Document" sort={{ field: 'issuedOn', order: 'DESC' }}>
      <AutocompleteInput optionText={documentOptionText} filterToQuery={(q: string) => ({ q })} />
    </ReferenceInput>
    <ReferenceInput source="activityId" reference="Activity" sort={{ field: 'heldOn', order: 'DESC' }}>
      <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} />
    </ReferenceInput>
  </FormSection>
);

/** The same, read-only, for a show page. */
export const decisionFields = (dateSource = 'decidedOn') => [
  <SelectField key="subject" source="subject" choices={subjectChoices} />,
  <ReferenceField key="memberId" source="memberId" reference="Member" link="show" emptyText="app.common.none" />,
  <ReferenceField key="unitId" source="unitId" reference="OrgUnit" link="show" />,
  <TextField key="decisionNumber" source="decisionNumber" emptyText="app.common.none" />,
  <DateField key="date" source={dateSource} />,
  <ReferenceField key="decidingUnitId" source="decidingUnitId" reference="OrgUnit" link="show" emptyText="app.common.none" />,
  <TextField key="decidingBodyName" source="decidingBodyName" emptyText="app.common.none" />,
  <ReferenceField key="documentId" source="documentId" reference="Document" link="show" emptyText="app.common.none">
    <TextField source="number" />
  </ReferenceField>,
  <ReferenceField key="activityId" source="activityId" reference="Activity" link="show" emptyText="app.common.none" />,
];

/** Filters every decision list has. */
export const decisionFilters = [
  <UnitReferenceInput key="unitId" source="unitId" alwaysOn sx={{ minWidth: 300 }} />,
  <SelectInput key="subject" source="subject" choices={subjectChoices} alwaysOn />,
  <ReferenceInput key="memberId" source="memberId" reference="Member">
    <AutocompleteInput optionText="fullName" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <ReferenceInput key="documentId" source="documentId" reference="Document">
    <AutocompleteInput optionText={documentOptionText} filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];

export const dateFilters = [<DateInput key="from" source="from" />, <DateInput key="to" source="to" />];
