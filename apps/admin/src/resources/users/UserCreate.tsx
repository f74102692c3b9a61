import { Create, PasswordInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { FormSection } from '../../common/FormSection';
import { validateNewPassword } from '../../common/passwords';
import { UnitTreeInput } from '../../common/UnitTreeInput';
import { isSystemAdmin } from '../../providers/authProvider';
import { grantableRoleChoices } from '../role-grants/roles';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,59}$/;
const validUsername = (value: unknown) => (typeof value === 'string' && value && !USERNAME.test(value.trim().toLowerCase()) ? 'app.user.username_help' : undefined);

/** A new account with its first role on a unit (the API wants one, so no account is outside every subtree). */
export const UserCreate = () => (
  <Create redirect="show">
    <SimpleForm sx={{ maxWidth: 760 }}>
      <FormSection title="app.user.account">
        <TextInput source="username" validate={[required(), validUsername]} helperText="app.user.username_help" autoComplete="off" />
        <TextInput source="displayName" validate={required()} />
        <PasswordInput source="password" validate={validateNewPassword} helperText="app.user.password_help" autoComplete="new-password" />
      </FormSection>
      <FormSection title="app.user.first_role" help="app.user.roles_help" columns={1}>
        <SelectInput source="role" choices={grantableRoleChoices(isSystemAdmin())} validate={required()} />
        <UnitTreeInput source="unitId" helperText="app.user.unit_help" pickTitle="app.user.pick_unit_title" />
      </FormSection>
    </SimpleForm>
  </Create>
);
