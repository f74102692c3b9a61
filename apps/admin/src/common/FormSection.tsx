import { Box, Divider } from '@mui/material';
import type { ReactNode } from 'react';
import { SectionHeading } from './SectionHeading';

/** A titled block of a long form, with its inputs on a responsive grid. */
export const FormSection = ({ title, help, columns = 2, children }: { title: string; help?: string; columns?: 1 | 2 | 3; children: ReactNode }) => {
  return (
    <Box sx={{ width: '100%', mb: 1 }}>
      <SectionHeading title={title} help={help} sx={{ mt: 1 }} />
      <Divider sx={{ mb: 1, mt: 0.5 }} />
      <Box sx={{ display: 'grid', columnGap: 2, gridTemplateColumns: { xs: '1fr', md: `repeat(${columns}, minmax(0, 1fr))` }, alignItems: 'start' }}>
        {children}
      </Box>
    </Box>
  );
};
