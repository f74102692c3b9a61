import FlagIcon from '@mui/icons-material/Flag';
import { Box, Typography } from '@mui/material';
import { LocalesMenuButton, Login, LoginForm, useTranslate } from 'react-admin';

/** react-admin's login form under the product name, with the language switch (the app bar is not shown yet). */
export const LoginPage = () => (
  <Login
    avatarIcon={<FlagIcon />}
    sx={{
      backgroundImage: 'linear-gradient(135deg, #5e0b0e 0%, #a4161a 55%, #c8373b 100%)',
      '& .RaLogin-card': { minWidth: 340, borderRadius: 2, borderTop: '4px solid #d4a017' },
      '& .RaLogin-icon': { backgroundColor: '#a4161a', color: '#f2c14e' },
    }}
  >
    <LoginHeading />
    <LoginForm />
    <Box sx={{ display: 'flex', justifyContent: 'center', pb: 1 }}>
      <LocalesMenuButton />
    </Box>
  </Login>
);

const LoginHeading = () => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h1" align="center" sx={{ fontWeight: 700, px: 2, color: 'primary.dark' }}>
      {translate('app.title')}
    </Typography>
  );
};
