import { lazyScreen } from '../../lazy-screen';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const StudyRegistrationList = lazyScreen(() => import('./StudyScreens'), 'StudyRegistrationList');
const StudyRegistrationShow = lazyScreen(() => import('./StudyScreens'), 'StudyRegistrationShow');
const StudyRegistrationCreate = lazyScreen(() => import('./StudyScreens'), 'StudyRegistrationCreate');
const StudyRegistrationEdit = lazyScreen(() => import('./StudyScreens'), 'StudyRegistrationEdit');
const StudyEntryCreate = lazyScreen(() => import('./StudyScreens'), 'StudyEntryCreate');
const StudyEntryEdit = lazyScreen(() => import('./StudyScreens'), 'StudyEntryEdit');

/** Yearly study and follow registrations (GraphQL type `StudyRegistration`). */
export const studyRegistrations: ResourceProps = {
  name: 'StudyRegistration',
  list: StudyRegistrationList,
  show: StudyRegistrationShow,
  create: StudyRegistrationCreate,
  edit: StudyRegistrationEdit,
  icon: MenuBookIcon,
  recordRepresentation: (r) => `${r.year}`,
};

/** Monthly entries and their review (GraphQL type `StudyEntry`): listed on the registration's page, no menu entry. */
export const studyEntries: ResourceProps = {
  name: 'StudyEntry',
  create: StudyEntryCreate,
  edit: StudyEntryEdit,
  recordRepresentation: (e) => `${e.month}`,
};
