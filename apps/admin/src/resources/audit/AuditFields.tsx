import { Chip, Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { entityKey, operationKey } from './operations';

/** The operation in words ("Giao vai trò"), or its API name when the panel does not know it. */
export const OperationField = (props: FieldProps) => {
  const translate = useTranslate();
  const value = useFieldValue(props);
  if (typeof value !== 'string') return null;
  const color = value.startsWith('delete') || value.startsWith('revoke') ? 'error' : value.startsWith('create') ? 'success' : 'default';
  return <Chip size="small" variant="outlined" color={color} label={translate(operationKey(value), { _: value })} sx={{ alignSelf: 'flex-start' }} />;
};

/** The record type in words ("Người dùng"). */
export const EntityField = (props: FieldProps) => {
  const translate = useTranslate();
  const value = useFieldValue(props);
  if (typeof value !== 'string') return null;
  return (
    <Typography component="span" variant="body2">
      {translate(entityKey(value), { smart_count: 1, _: value })}
    </Typography>
  );
};
