import { Box, Divider, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A titled block of a long form, with its inputs on a responsive grid. */
export const FormSection = ({ title, help, columns = 2, children }: { title: string; help?: string; columns?: 1 | 2 | 3; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', mb: 1 }}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, color: 'primary.dark', mt: 1 }}>
        {translate(title)}
      </Typography>
      {help && (
        <Typography variant="body2" color="text.secondary">
          {translate(help)}
        </Typography>
      )}
      <Divider sx={{ mb: 1, mt: 0.5 }} />
      <Box sx={{ display: 'grid', columnGap: 2, gridTemplateColumns: { xs: '1fr', md: `repeat(${columns}, minmax(0, 1fr))` }, alignItems: 'start' }}>
        {children}
      </Box>
    </Box>
  );
};
