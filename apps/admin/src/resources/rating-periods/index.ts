import EventNoteIcon from '@mui/icons-material/EventNote';
import type { ResourceProps } from 'react-admin';
import { RatingPeriodCreate } from './RatingPeriodCreate';
import { RatingPeriodList } from './RatingPeriodList';

/** Rating periods (GraphQL type `RatingPeriod`): the years and quarters criteria sets and ratings belong to. */
export const ratingPeriods: ResourceProps = {
  name: 'RatingPeriod',
  list: RatingPeriodList,
  create: RatingPeriodCreate,
  icon: EventNoteIcon,
  recordRepresentation: 'name',
};
