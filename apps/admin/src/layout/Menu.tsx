import AccountTreeIcon from '@mui/icons-material/AccountTree';
import BarChartIcon from '@mui/icons-material/BarChart';
import GavelIcon from '@mui/icons-material/Gavel';
import InsightsIcon from '@mui/icons-material/Insights';
import AltRouteIcon from '@mui/icons-material/AltRoute';
import DescriptionIcon from '@mui/icons-material/Description';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Menu as RaMenu } from 'react-admin';

/** The tree first (it is the home page), the directive page, the rating's decision and result pages, then one entry per resource. */
export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem primaryText="app.menu.tree" leftIcon={<AccountTreeIcon />} />
    <RaMenu.Item to="/directive" primaryText="app.menu.directive" leftIcon={<InsightsIcon />} />
    <RaMenu.Item to="/restructure" primaryText="app.menu.restructure" leftIcon={<AltRouteIcon />} />
    <RaMenu.Item to="/report-directive" primaryText="app.menu.report_directive" leftIcon={<DescriptionIcon />} />
    <RaMenu.Item to="/member-import" primaryText="app.menu.member_import" leftIcon={<UploadFileIcon />} />
    <RaMenu.Item to="/rating/decide" primaryText="app.menu.rating_decide" leftIcon={<GavelIcon />} />
    <RaMenu.Item to="/rating/summary" primaryText="app.menu.rating_summary" leftIcon={<BarChartIcon />} />
    <RaMenu.ResourceItems />
  </RaMenu>
);
