import { lazy } from 'react';
import GavelIcon from '@mui/icons-material/Gavel';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const DisciplineList = lazy(() => import('./DisciplineScreens').then((m) => ({ default: m.DisciplineList })));
const DisciplineShow = lazy(() => import('./DisciplineScreens').then((m) => ({ default: m.DisciplineShow })));
const DisciplineCreate = lazy(() => import('./DisciplineScreens').then((m) => ({ default: m.DisciplineCreate })));
const DisciplineEdit = lazy(() => import('./DisciplineScreens').then((m) => ({ default: m.DisciplineEdit })));

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
