import LockResetIcon from '@mui/icons-material/LockReset';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { Form, PasswordInput, required, SaveButton, useLogout, useNotify, useTranslate } from 'react-admin';
import { validateNewPassword, validatePasswordConfirmation } from '../common/passwords';
import { graphQLErrorsOf, formErrorsOf } from '../providers/graphqlErrors';
import { changeOwnPassword } from '../providers/authProvider';

interface PasswordForm {
  oldPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * Changing one's own password. The server refuses every older token afterwards, so the panel logs in again with
 * the new password; if that fails the user is sent to the login page with a message. The server's refusals land
 * on the input named by `extensions.field` (a wrong current password on "Mật khẩu hiện tại").
 */
export const ChangePasswordDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const logout = useLogout();

  const submit = async (values: Partial<PasswordForm>) => {
    try {
      const outcome = await changeOwnPassword(values.oldPassword ?? '', values.newPassword ?? '');
      onClose();
      if (outcome === 'login_needed') {
        await logout({}, '/login', false);
        notify('app.account.login_again', { type: 'info' });
      } else {
        notify('app.account.password_changed', { type: 'success' });
      }
      return undefined;
    } catch (error) {
      const errors = (error as { body?: { errors?: Record<string, unknown> } })?.body?.errors ?? formErrorsOf(graphQLErrorsOf(error));
      if (Object.keys(errors).length) return errors;
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return undefined;
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="change-password-title">
      <Form<PasswordForm> onSubmit={submit} noValidate>
        <DialogTitle id="change-password-title">{translate('app.account.change_password')}</DialogTitle>
        <DialogContent>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('app.account.change_password_help')}
          </Alert>
          <PasswordInput source="oldPassword" label="app.account.old_password" validate={required()} fullWidth autoComplete="current-password" />
          <PasswordInput source="newPassword" label="app.account.new_password" validate={validateNewPassword} fullWidth autoComplete="new-password" />
          <PasswordInput source="confirmPassword" label="app.account.confirm_password" validate={validatePasswordConfirmation} fullWidth autoComplete="new-password" />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <SaveButton label="app.account.change_password" icon={<LockResetIcon />} />
        </DialogActions>
      </Form>
    </Dialog>
  );
};
