import { createElement } from 'react';
import { lazyScreen } from '../../lazy-screen';
import EventIcon from '@mui/icons-material/Event';
import { reactRouterProvider, type ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const ActivityList = lazyScreen(() => import('./ActivityList'), 'ActivityList');
const ActivityShow = lazyScreen(() => import('./ActivityShow'), 'ActivityShow');
const ActivityCreate = lazyScreen(() => import('./ActivityForm'), 'ActivityCreate');
const ActivityEdit = lazyScreen(() => import('./ActivityForm'), 'ActivityEdit');
const AttendanceSheet = lazyScreen(() => import('../attendance/AttendanceSheet'), 'AttendanceSheet');

const { Route } = reactRouterProvider;

/** Conferences, cell meetings, seminars, propaganda (GraphQL type `Activity`); `/Activity/:id/attendance` is a meeting's sheet. */
export const activities: ResourceProps = {
  name: 'Activity',
  list: ActivityList,
  show: ActivityShow,
  create: ActivityCreate,
  edit: ActivityEdit,
  icon: EventIcon,
  recordRepresentation: 'title',
  children: createElement(Route, { path: ':id/attendance', element: createElement(AttendanceSheet) }),
};
