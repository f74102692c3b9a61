import { lazy } from 'react';
import StarIcon from '@mui/icons-material/Star';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const ExemplaryModelList = lazy(() => import('./ExemplaryModelScreens').then((m) => ({ default: m.ExemplaryModelList })));
const ExemplaryModelShow = lazy(() => import('./ExemplaryModelScreens').then((m) => ({ default: m.ExemplaryModelShow })));
const ExemplaryModelCreate = lazy(() => import('./ExemplaryModelScreens').then((m) => ({ default: m.ExemplaryModelCreate })));
const ExemplaryModelEdit = lazy(() => import('./ExemplaryModelScreens').then((m) => ({ default: m.ExemplaryModelEdit })));

/** Exemplary models of studying and following Hồ Chí Minh (GraphQL type `ExemplaryModel`). */
export const exemplaryModels: ResourceProps = {
  name: 'ExemplaryModel',
  list: ExemplaryModelList,
  show: ExemplaryModelShow,
  create: ExemplaryModelCreate,
  edit: ExemplaryModelEdit,
  icon: StarIcon,
  recordRepresentation: 'title',
};
