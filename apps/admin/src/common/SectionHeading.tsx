import { Typography, type SxProps, type Theme } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * The heading (an h2) of a panel or of a long form's block, in the panel's one style, and the help line under it when
 * there is one. `title` and `help` are translation keys; `sx` adds to the heading's style (its place in a row).
 */
export const SectionHeading = ({ title, help, id, sx }: { title: string; help?: string; id?: string; sx?: SxProps<Theme> }) => {
  const translate = useTranslate();
  return (
    <>
      <Typography id={id} variant="subtitle1" component="h2" sx={[{ fontWeight: 700, color: 'primary.dark' }, ...(Array.isArray(sx) ? sx : [sx])]}>
        {translate(title)}
      </Typography>
      {help && (
        <Typography variant="body2" color="text.secondary">
          {translate(help)}
        </Typography>
      )}
    </>
  );
};
