import AddIcon from '@mui/icons-material/Add';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  SaveButton,
  SelectInput,
  required,
  useCanAccess,
  useCreate,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { formErrorsOf, graphQLErrorsOf } from '../../providers/graphqlErrors';
import { isSystemAdmin } from '../../providers/authProvider';
import { UnitTreeInput } from '../../common/UnitTreeInput';
import { grantableRoleChoices } from './roles';

/** Grants the user of the page one more role on a unit (a dialog: role, then the unit by name or on the tree). */
export const AddRoleGrantButton = () => {
  const translate = useTranslate();
  const user = useRecordContext<{ id: string; displayName: string }>();
  const { canAccess } = useCanAccess({ resource: 'RoleGrant', action: 'create' });
  const [open, setOpen] = useState(false);
  const [create] = useCreate();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!user || !canAccess) return null;

  const submit = async (values: Record<string, unknown>) => {
    try {
      await create('RoleGrant', { data: { userId: user.id, role: values.role, unitId: values.unitId } }, { returnPromise: true });
      setOpen(false);
      notify('app.user.role_added', { type: 'success' });
      refresh();
      return undefined;
    } catch (error) {
      const body = (error as { body?: { errors?: Record<string, unknown> } }).body;
      const errors = body?.errors ?? formErrorsOf(graphQLErrorsOf(error));
      if (!Object.keys(errors).length) notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return errors;
    }
  };

  return (
    <>
      <Button startIcon={<AddIcon />} onClick={() => setOpen(true)}>
        {translate('app.user.add_role')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="add-role-title">
        <Form onSubmit={submit} resource="RoleGrant" noValidate>
          <DialogTitle id="add-role-title">{translate('app.user.add_role_title', { name: user.displayName })}</DialogTitle>
          <DialogContent>
            <SelectInput source="role" choices={grantableRoleChoices(isSystemAdmin())} validate={required()} fullWidth />
            <UnitTreeInput source="unitId" helperText="app.user.roles_help" pickTitle="app.user.pick_unit_title" />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton label="app.user.add_role" icon={<AddIcon />} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
