import { lazy } from 'react';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const StudyRegistrationList = lazy(() => import('./StudyScreens').then((m) => ({ default: m.StudyRegistrationList })));
const StudyRegistrationShow = lazy(() => import('./StudyScreens').then((m) => ({ default: m.StudyRegistrationShow })));
const StudyRegistrationCreate = lazy(() => import('./StudyScreens').then((m) => ({ default: m.StudyRegistrationCreate })));
const StudyRegistrationEdit = lazy(() => import('./StudyScreens').then((m) => ({ default: m.StudyRegistrationEdit })));
const StudyEntryCreate = lazy(() => import('./StudyScreens').then((m) => ({ default: m.StudyEntryCreate })));
const StudyEntryEdit = lazy(() => import('./StudyScreens').then((m) => ({ default: m.StudyEntryEdit })));

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
