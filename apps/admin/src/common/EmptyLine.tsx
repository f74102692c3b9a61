import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** What an empty embedded table says (react-admin's default names the parent resource, which reads wrong). */
export const EmptyLine = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
      {translate('app.common.none')}
    </Typography>
  );
};
