import { createElement, lazy } from 'react';
import EventIcon from '@mui/icons-material/Event';
import { reactRouterProvider, type ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const ActivityList = lazy(() => import('./ActivityList').then((m) => ({ default: m.ActivityList })));
const ActivityShow = lazy(() => import('./ActivityShow').then((m) => ({ default: m.ActivityShow })));
const ActivityCreate = lazy(() => import('./ActivityForm').then((m) => ({ default: m.ActivityCreate })));
const ActivityEdit = lazy(() => import('./ActivityForm').then((m) => ({ default: m.ActivityEdit })));
const AttendanceSheet = lazy(() => import('../attendance/AttendanceSheet').then((m) => ({ default: m.AttendanceSheet })));

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
