import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutlined';
import { DeleteButton, useRecordContext, useTranslate } from 'react-admin';
import { enumLabel } from '../../common/choices';

/** Removes one role after a confirmation naming the role and the unit; stays on the user's page. */
export const RemoveRoleGrantButton = () => {
  const translate = useTranslate();
  const grant = useRecordContext<{ id: string; role: string; unit?: { name?: string } | null; unitId: string }>();
  if (!grant) return null;
  return (
    <DeleteButton
      mutationMode="pessimistic"
      redirect={false}
      label="app.user.remove_role"
      icon={<RemoveCircleOutlineIcon />}
      confirmTitle="app.user.remove_role_title"
      confirmContent="app.user.remove_role_content"
      contentTranslateOptions={{ role: translate(enumLabel('Role', grant.role)), unit: grant.unit?.name ?? grant.unitId }}
      successMessage="app.user.role_removed"
    />
  );
};
