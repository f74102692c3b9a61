import FlagIcon from '@mui/icons-material/Flag';
import { Box, Typography } from '@mui/material';
import { AppBar as RaAppBar, LoadingIndicator, LocalesMenuButton, TitlePortal, useTranslate } from 'react-admin';
import { UserMenu } from './UserMenu';

/** App bar: the product name, the current page's title, the language switch, the loading indicator, the user menu. */
export const AppBar = () => {
  const translate = useTranslate();
  return (
    <RaAppBar color="primary" toolbar={<AppBarTools />} userMenu={<UserMenu />}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0, flex: 1 }}>
        <FlagIcon sx={{ color: '#f2c14e' }} />
        <Typography component="span" variant="h6" noWrap sx={{ fontWeight: 700, letterSpacing: 0.2 }}>
          {translate('app.title')}
        </Typography>
        <Box component="span" sx={{ mx: 1.5, height: 22, borderLeft: '1px solid rgba(255,255,255,0.45)', display: { xs: 'none', md: 'block' } }} />
        <TitlePortal variant="subtitle1" sx={{ display: { xs: 'none', md: 'block' }, opacity: 0.92 }} />
      </Box>
    </RaAppBar>
  );
};

const AppBarTools = () => (
  <Box sx={{ display: 'flex', alignItems: 'center' }}>
    <LocalesMenuButton />
    <LoadingIndicator />
  </Box>
);
