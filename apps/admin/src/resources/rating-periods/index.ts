import { lazy } from 'react';
import EventNoteIcon from '@mui/icons-material/EventNote';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const RatingPeriodCreate = lazy(() => import('./RatingPeriodCreate').then((m) => ({ default: m.RatingPeriodCreate })));
const RatingPeriodShow = lazy(() => import('./RatingPeriodShow').then((m) => ({ default: m.RatingPeriodShow })));
const RatingPeriodList = lazy(() => import('./RatingPeriodList').then((m) => ({ default: m.RatingPeriodList })));

/** Rating periods (GraphQL type `RatingPeriod`): the years and quarters criteria sets and ratings belong to. */
export const ratingPeriods: ResourceProps = {
  name: 'RatingPeriod',
  list: RatingPeriodList,
  create: RatingPeriodCreate,
  show: RatingPeriodShow,
  icon: EventNoteIcon,
  recordRepresentation: 'name',
};
