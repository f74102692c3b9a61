import { lazyScreen } from '../../lazy-screen';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const EvaluationList = lazyScreen(() => import('./EvaluationList'), 'EvaluationList');
const EvaluationShow = lazyScreen(() => import('./EvaluationShow'), 'EvaluationShow');

/** Evaluations of the year-end rating (GraphQL type `Evaluation`): one per member or collective and period. */
export const evaluations: ResourceProps = {
  name: 'Evaluation',
  list: EvaluationList,
  show: EvaluationShow,
  icon: FactCheckIcon,
  recordRepresentation: 'subjectName',
};
