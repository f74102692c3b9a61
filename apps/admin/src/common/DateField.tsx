import { formatDate, isValidIsoDate } from '@dangbo/vn';
import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

/**
 * A date as dd/mm/yyyy: a calendar date ('YYYY-MM-DD') as it is, no Date object and so no timezone shift; an
 * instant (ISO date-time) as its day in Vietnam.
 */
export const DateField = (props: FieldProps) => {
  const value = useFieldValue(props);
  const text = typeof value === 'string' && isValidIsoDate(value.slice(0, 10)) ? formatDate(value) : '';
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {text}
    </Typography>
  );
};
