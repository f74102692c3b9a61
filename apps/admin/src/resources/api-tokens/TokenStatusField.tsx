import { Chip } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { tokenStatus } from './tokenStatus';

const COLORS = { active: 'success', revoked: 'error', expired: 'default' } as const;

export const TokenStatusField = (_props: FieldProps) => {
  const translate = useTranslate();
  const token = useRecordContext<{ revokedAt?: string | null; expiresAt?: string | null }>();
  if (!token) return null;
  const status = tokenStatus(token);
  return <Chip size="small" variant="outlined" color={COLORS[status]} label={translate(`app.token.status_${status}`)} />;
};
