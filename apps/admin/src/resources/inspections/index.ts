import { lazyScreen } from '../../lazy-screen';
import FindInPageIcon from '@mui/icons-material/FindInPage';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const InspectionList = lazyScreen(() => import('./InspectionScreens'), 'InspectionList');
const InspectionShow = lazyScreen(() => import('./InspectionScreens'), 'InspectionShow');
const InspectionCreate = lazyScreen(() => import('./InspectionScreens'), 'InspectionCreate');
const InspectionEdit = lazyScreen(() => import('./InspectionScreens'), 'InspectionEdit');
const InspectionActionCreate = lazyScreen(() => import('./InspectionScreens'), 'InspectionActionCreate');
const InspectionActionEdit = lazyScreen(() => import('./InspectionScreens'), 'InspectionActionEdit');

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
