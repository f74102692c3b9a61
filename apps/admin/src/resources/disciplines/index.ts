import { lazyScreen } from '../../lazy-screen';
import GavelIcon from '@mui/icons-material/Gavel';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const DisciplineList = lazyScreen(() => import('./DisciplineScreens'), 'DisciplineList');
const DisciplineShow = lazyScreen(() => import('./DisciplineScreens'), 'DisciplineShow');
const DisciplineCreate = lazyScreen(() => import('./DisciplineScreens'), 'DisciplineCreate');
const DisciplineEdit = lazyScreen(() => import('./DisciplineScreens'), 'DisciplineEdit');

/** Party discipline, khiển trách to khai trừ (GraphQL type `Discipline`). */
export const disciplines: ResourceProps = {
  name: 'Discipline',
  list: DisciplineList,
  show: DisciplineShow,
  create: DisciplineCreate,
  edit: DisciplineEdit,
  icon: GavelIcon,
  recordRepresentation: 'decisionNumber',
};
