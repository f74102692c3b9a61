import { lazyScreen } from './lazy-screen';
import { Admin, CustomRoutes, reactRouterProvider, Resource } from 'react-admin';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
// Not from './providers': its index also brings the GraphQL data provider, which loads only when first used.
import { authHeaders, authProvider } from './providers/authProvider';
import { i18nProvider } from './providers/i18nProvider';
import { lazyDataProvider } from './providers/lazyDataProvider';
import { members } from './resources/members';
import { orgUnits } from './resources/org-units';
import { criteriaSets } from './resources/criteria-sets';
import { ratingPeriods } from './resources/rating-periods';
import { evaluations } from './resources/evaluations';
import { apiTokens } from './resources/api-tokens';
import { auditEntries } from './resources/audit';
import { roleGrants } from './resources/role-grants';
import { users } from './resources/users';
import { documents } from './resources/documents';
import { documentRecipients } from './resources/document-recipients';
import { activities } from './resources/activities';
import { attendances } from './resources/attendance';
import { outreaches } from './resources/outreach';
import { studyEntries, studyRegistrations } from './resources/study';
import { commendations } from './resources/commendations';
import { disciplines } from './resources/disciplines';
import { exemplaryModels } from './resources/exemplary-models';
import { inspectionActions, inspections } from './resources/inspections';
import { theme } from './theme';

const dataProvider = lazyDataProvider(() => import('./providers/dataProvider').then((m) => m.createDataProvider(authHeaders)));

// Every page loads with its route (the resources' index files do the same for theirs); the login page, the
// layout and react-admin itself are the first load. Each shows a spinner while its code arrives (see lazy-screen).
const OrgTreePage = lazyScreen(() => import('./resources/org-units/tree/OrgTreePage'), 'OrgTreePage');
const DirectivePage = lazyScreen(() => import('./pages/directive/DirectivePage'), 'DirectivePage');
const RestructurePage = lazyScreen(() => import('./pages/restructure/RestructurePage'), 'RestructurePage');
const DecisionPage = lazyScreen(() => import('./pages/rating/DecisionPage'), 'DecisionPage');
const RatingDashboard = lazyScreen(() => import('./dashboard/RatingDashboard'), 'RatingDashboard');
const DirectiveReportPage = lazyScreen(() => import('./pages/reports/DirectiveReportPage'), 'DirectiveReportPage');
const MemberImportPage = lazyScreen(() => import('./resources/member-import/MemberImportPage'), 'MemberImportPage');
const { Route } = reactRouterProvider;

// After a redeploy, a page opened before it asks for chunks that no longer exist (the server answers 404): load the
// new index.html instead of showing an error, at most once a minute so a truly missing chunk cannot loop.
if (typeof window !== 'undefined') {
  window.addEventListener('vite:preloadError', (event) => {
    const last = Number(sessionStorage.getItem('dangbo.reloadedForChunks') ?? 0);
    if (Date.now() - last < 60_000) return;
    sessionStorage.setItem('dangbo.reloadedForChunks', String(Date.now()));
    event.preventDefault();
    window.location.reload();
  });
}

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
    <Resource {...documents} />
    <Resource {...documentRecipients} />
    <Resource {...activities} />
    <Resource {...attendances} />
    <Resource {...outreaches} />
    <Resource {...studyRegistrations} />
    <Resource {...studyEntries} />
    <Resource {...commendations} />
    <Resource {...disciplines} />
    <Resource {...exemplaryModels} />
    <Resource {...inspections} />
    <Resource {...inspectionActions} />
    <CustomRoutes>
      <Route path="/directive" element={<DirectivePage />} />
      <Route path="/restructure" element={<RestructurePage />} />
      {/* Not /reports or /imports: those paths are the API's file routes. */}
      <Route path="/report-directive" element={<DirectiveReportPage />} />
      <Route path="/member-import" element={<MemberImportPage />} />
      <Route path="/rating/decide" element={<DecisionPage />} />
      <Route path="/rating/summary" element={<RatingDashboard />} />
    </CustomRoutes>
    <Resource {...ratingPeriods} />
    <Resource {...evaluations} />
    <Resource {...users} />
    <Resource {...roleGrants} />
    <Resource {...apiTokens} />
    <Resource {...auditEntries} />
  </Admin>
);
