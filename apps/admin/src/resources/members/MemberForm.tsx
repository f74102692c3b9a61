import { MEMBER_HOLDING_KINDS } from '@dangbo/shared-types';
import { RadioButtonGroupInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { genderChoices, memberStatusChoices } from '../../common/choices';
import { DateInput } from '../../common/DateInput';
import { FormSection } from '../../common/FormSection';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { validateAdmittedOn, validateBirthDate, validateCitizenId, validateOfficialOn } from './validation';

/** Every field of a member; `edit` adds the transfer date, create the date of joining the cell. */
export const MemberForm = ({ edit = false }: { edit?: boolean }) => (
  <SimpleForm sx={{ maxWidth: 960 }}>
    <FormSection title="app.member.identity" columns={3}>
      <TextInput source="fullName" validate={required()} sx={{ gridColumn: { md: '1 / -1' } }} />
      <TextInput source="familyName" helperText="app.member.name_parts_help" />
      <TextInput source="middleName" />
      <TextInput source="givenName" />
      <RadioButtonGroupInput source="gender" choices={genderChoices} validate={required()} />
      <DateInput source="birthDate" validate={validateBirthDate} />
      <TextInput source="citizenId" validate={validateCitizenId} />
    </FormSection>
    <FormSection title="app.member.party">
      <UnitReferenceInput source="cellId" kinds={MEMBER_HOLDING_KINDS} validate={required()} helperText="app.member.cell_help" />
      {edit ? (
        <DateInput source="transferredOn" helperText="app.member.transferred_on_help" />
      ) : (
        <DateInput source="joinedOn" helperText="app.member.joined_on_help" />
      )}
      <TextInput source="cardNumber" />
      <TextInput source="recordNumber" />
      <DateInput source="admittedOn" validate={validateAdmittedOn} />
      <DateInput source="officialOn" validate={validateOfficialOn} />
      <SelectInput source="status" choices={memberStatusChoices} />
    </FormSection>
    <TextInput source="note" multiline minRows={2} />
  </SimpleForm>
);
