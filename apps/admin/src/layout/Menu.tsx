import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Menu as RaMenu } from 'react-admin';

/** The tree first (it is the home page), then one entry per resource. */
export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem primaryText="app.menu.tree" leftIcon={<AccountTreeIcon />} />
    <RaMenu.ResourceItems />
  </RaMenu>
);
