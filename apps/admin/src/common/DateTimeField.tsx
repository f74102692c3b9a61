import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { formatDateTime } from './dateTime';

/** An instant as dd/mm/yyyy HH:mm in Vietnam time; `emptyText` (a message key) when there is none. */
export const DateTimeField = ({ withSeconds, ...props }: FieldProps & { withSeconds?: boolean }) => {
  const translate = useTranslate();
  const value = useFieldValue(props);
  const text = formatDateTime(value, withSeconds);
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap', color: text ? undefined : 'text.secondary' }}>
      {text || (props.emptyText ? translate(props.emptyText, { _: props.emptyText }) : '')}
    </Typography>
  );
};
