import { Admin, Resource } from 'react-admin';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { authHeaders, authProvider, createDataProvider, i18nProvider } from './providers';
import { members } from './resources/members';
import { orgUnits } from './resources/org-units';
import { OrgTreePage } from './resources/org-units/tree/OrgTreePage';
import { criteriaSets } from './resources/criteria-sets';
import { ratingPeriods } from './resources/rating-periods';
import { apiTokens } from './resources/api-tokens';
import { auditEntries } from './resources/audit';
import { roleGrants } from './resources/role-grants';
import { users } from './resources/users';
import { theme } from './theme';

const dataProvider = createDataProvider(authHeaders);

/**
 * The panel. The organisation tree is the home page. Every page checks the session itself (no `requireAuth`:
 * with it, react-admin 5.15 under this router kept remounting its logout-on-mount route in a loop).
 */
export const App = () => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={Layout}
    theme={theme}
    darkTheme={null}
    dashboard={OrgTreePage}
    disableTelemetry
  >
    <Resource {...orgUnits} />
    <Resource {...members} />
    <Resource {...criteriaSets} />
    <Resource {...ratingPeriods} />
    <Resource {...users} />
    <Resource {...roleGrants} />
    <Resource {...apiTokens} />
    <Resource {...auditEntries} />
  </Admin>
);
