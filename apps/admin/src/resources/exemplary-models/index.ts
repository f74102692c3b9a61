import { lazyScreen } from '../../lazy-screen';
import StarIcon from '@mui/icons-material/Star';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const ExemplaryModelList = lazyScreen(() => import('./ExemplaryModelScreens'), 'ExemplaryModelList');
const ExemplaryModelShow = lazyScreen(() => import('./ExemplaryModelScreens'), 'ExemplaryModelShow');
const ExemplaryModelCreate = lazyScreen(() => import('./ExemplaryModelScreens'), 'ExemplaryModelCreate');
const ExemplaryModelEdit = lazyScreen(() => import('./ExemplaryModelScreens'), 'ExemplaryModelEdit');

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
