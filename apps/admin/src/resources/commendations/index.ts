import { lazy } from 'react';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const CommendationList = lazy(() => import('./CommendationScreens').then((m) => ({ default: m.CommendationList })));
const CommendationShow = lazy(() => import('./CommendationScreens').then((m) => ({ default: m.CommendationShow })));
const CommendationCreate = lazy(() => import('./CommendationScreens').then((m) => ({ default: m.CommendationCreate })));
const CommendationEdit = lazy(() => import('./CommendationScreens').then((m) => ({ default: m.CommendationEdit })));

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
