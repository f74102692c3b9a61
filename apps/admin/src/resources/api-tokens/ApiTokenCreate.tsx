import { useState } from 'react';
import { todayIso } from '@dangbo/vn';
import { Create, required, SimpleForm, TextInput, useRedirect } from 'react-admin';
import { DateInput } from '../../common/DateInput';
import { UnitTreeInput } from '../../common/UnitTreeInput';
import { SecretDialog } from './SecretDialog';

const inFuture = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && value <= todayIso() ? 'app.token.expires_in_past' : undefined);

/** A read-only token for an analytics tool; its secret comes back once and is shown in a dialog, then forgotten. */
export const ApiTokenCreate = () => {
  const [secret, setSecret] = useState<string | null>(null);
  const redirect = useRedirect();
  return (
    <>
      <Create
        redirect={false}
        mutationOptions={{
          onSuccess: (data) => {
            const created = data as { secret?: string | null };
            setSecret(created.secret ?? null);
            // Keep the secret out of react-admin's cache of the record: it lives in this dialog only.
            delete created.secret;
          },
        }}
      >
        <SimpleForm sx={{ maxWidth: 760 }}>
          <TextInput source="name" validate={required()} helperText="app.token.name_help" />
          <UnitTreeInput source="unitId" helperText="app.token.unit_help" pickTitle="app.token.pick_unit_title" />
          <DateInput source="expiresOn" validate={inFuture} helperText="app.token.expires_help" />
        </SimpleForm>
      </Create>
      <SecretDialog
        secret={secret}
        onDone={() => {
          setSecret(null);
          redirect('list', 'ApiToken');
        }}
      />
    </>
  );
};
