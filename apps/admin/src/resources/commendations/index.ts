import { lazyScreen } from '../../lazy-screen';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const CommendationList = lazyScreen(() => import('./CommendationScreens'), 'CommendationList');
const CommendationShow = lazyScreen(() => import('./CommendationScreens'), 'CommendationShow');
const CommendationCreate = lazyScreen(() => import('./CommendationScreens'), 'CommendationCreate');
const CommendationEdit = lazyScreen(() => import('./CommendationScreens'), 'CommendationEdit');

/** Commendations of members and collectives (GraphQL type `Commendation`). */
export const commendations: ResourceProps = {
  name: 'Commendation',
  list: CommendationList,
  show: CommendationShow,
  create: CommendationCreate,
  edit: CommendationEdit,
  icon: EmojiEventsIcon,
  recordRepresentation: 'decisionNumber',
};
