import { lazy } from 'react';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const EvaluationList = lazy(() => import('./EvaluationList').then((m) => ({ default: m.EvaluationList })));
const EvaluationShow = lazy(() => import('./EvaluationShow').then((m) => ({ default: m.EvaluationShow })));

/** Evaluations of the year-end rating (GraphQL type `Evaluation`): one per member or collective and period. */
export const evaluations: ResourceProps = {
  name: 'Evaluation',
  list: EvaluationList,
  show: EvaluationShow,
  icon: FactCheckIcon,
  recordRepresentation: 'subjectName',
};
