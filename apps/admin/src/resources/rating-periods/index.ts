import { lazyScreen } from '../../lazy-screen';
import EventNoteIcon from '@mui/icons-material/EventNote';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const RatingPeriodCreate = lazyScreen(() => import('./RatingPeriodCreate'), 'RatingPeriodCreate');
const RatingPeriodShow = lazyScreen(() => import('./RatingPeriodShow'), 'RatingPeriodShow');
const RatingPeriodList = lazyScreen(() => import('./RatingPeriodList'), 'RatingPeriodList');

/** Rating periods (GraphQL type `RatingPeriod`): the years and quarters criteria sets and ratings belong to. */
export const ratingPeriods: ResourceProps = {
  name: 'RatingPeriod',
  list: RatingPeriodList,
  create: RatingPeriodCreate,
  show: RatingPeriodShow,
  icon: EventNoteIcon,
  recordRepresentation: 'name',
};
