import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** Party age in whole years ("14 năm"). */
export const PartyAgeField = (props: FieldProps) => {
  const translate = useTranslate();
  const value = useFieldValue(props);
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {typeof value === 'number' ? translate('app.member.party_age', { smart_count: value }) : ''}
    </Typography>
  );
};
