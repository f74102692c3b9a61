import BlockIcon from '@mui/icons-material/Block';
import { useState } from 'react';
import { Button, Confirm, useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { authHeaders } from '../../providers/authProvider';
import { graphqlRequest } from '../../providers/graphqlRequest';

const REVOKE = `mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;

/** Revokes a token that still works, after a confirmation; tools using it are refused from then on. */
export const RevokeTokenButton = () => {
  const token = useRecordContext<{ id: string; name: string; revokedAt?: string | null }>();
  const { canAccess } = useCanAccess({ resource: 'ApiToken', action: 'delete' });
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  if (!token || token.revokedAt || !canAccess) return null;

  const revoke = async () => {
    setPending(true);
    try {
      await graphqlRequest(REVOKE, { id: token.id }, authHeaders());
      notify('app.token.revoked', { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setPending(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button
        label="app.token.revoke"
        color="error"
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title="app.token.revoke_title"
        titleTranslateOptions={{ name: token.name }}
        content="app.token.revoke_content"
        confirm="app.token.revoke"
        confirmColor="warning"
        onConfirm={revoke}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
