import { formatNumber } from '@dangbo/vn';
import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

/** A number the Vietnamese way (1.234,5), from @dangbo/vn so screens and reports agree. */
export const NumberField = ({ fractionDigits = 0, ...props }: FieldProps & { fractionDigits?: number }) => {
  const value = useFieldValue(props);
  return (
    <Typography component="span" variant="body2">
      {typeof value === 'number' ? formatNumber(value, fractionDigits) : ''}
    </Typography>
  );
};
