import { BooleanInput, Edit, PasswordInput, required, SimpleForm, TextInput } from 'react-admin';
import { FormSection } from '../../common/FormSection';
import { validateOptionalPassword } from '../../common/passwords';
import { USER_FIELDS } from './fields';

/**
 * Name, lock and password reset. Pessimistic, so the API's refusals (a stale version, locking oneself out) come
 * back onto the form; roles are added and removed on the show page.
 */
export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={{ meta: { sparseFields: USER_FIELDS } }}>
    <SimpleForm sx={{ maxWidth: 760 }}>
      <FormSection title="app.user.account">
        <TextInput source="username" disabled />
        <TextInput source="displayName" validate={required()} />
        <BooleanInput source="active" helperText="app.user.active_help" />
      </FormSection>
      <FormSection title="app.user.reset_password" columns={1}>
        <PasswordInput
          source="password"
          label="app.user.reset_password"
          validate={validateOptionalPassword}
          helperText="app.user.reset_password_help"
          autoComplete="new-password"
        />
      </FormSection>
    </SimpleForm>
  </Edit>
);
