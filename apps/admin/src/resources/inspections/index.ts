import { lazy } from 'react';
import FindInPageIcon from '@mui/icons-material/FindInPage';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const InspectionList = lazy(() => import('./InspectionScreens').then((m) => ({ default: m.InspectionList })));
const InspectionShow = lazy(() => import('./InspectionScreens').then((m) => ({ default: m.InspectionShow })));
const InspectionCreate = lazy(() => import('./InspectionScreens').then((m) => ({ default: m.InspectionCreate })));
const InspectionEdit = lazy(() => import('./InspectionScreens').then((m) => ({ default: m.InspectionEdit })));
const InspectionActionCreate = lazy(() => import('./InspectionScreens').then((m) => ({ default: m.InspectionActionCreate })));
const InspectionActionEdit = lazy(() => import('./InspectionScreens').then((m) => ({ default: m.InspectionActionEdit })));

/** Inspections and supervision (GraphQL type `Inspection`). */
export const inspections: ResourceProps = {
  name: 'Inspection',
  list: InspectionList,
  show: InspectionShow,
  create: InspectionCreate,
  edit: InspectionEdit,
  icon: FindInPageIcon,
  recordRepresentation: 'topic',
};

/** Follow-up actions of an inspection (GraphQL type `InspectionAction`): listed on the inspection's page, no menu entry. */
export const inspectionActions: ResourceProps = {
  name: 'InspectionAction',
  create: InspectionActionCreate,
  edit: InspectionActionEdit,
  recordRepresentation: 'action',
};
