import { lazyScreen } from '../../lazy-screen';
import ChecklistIcon from '@mui/icons-material/Checklist';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const CriteriaSetCreate = lazyScreen(() => import('./CriteriaSetCreate'), 'CriteriaSetCreate');
const CriteriaSetList = lazyScreen(() => import('./CriteriaSetList'), 'CriteriaSetList');
const CriteriaSetShow = lazyScreen(() => import('./CriteriaSetShow'), 'CriteriaSetShow');
const CriteriaSetEditor = lazyScreen(() => import('./editor/CriteriaSetEditor'), 'CriteriaSetEditor');

/** Criteria sets (GraphQL type `CriteriaSet`); the edit view is the editor, read-only where the caller may not edit. */
export const criteriaSets: ResourceProps = {
  name: 'CriteriaSet',
  list: CriteriaSetList,
  show: CriteriaSetShow,
  create: CriteriaSetCreate,
  edit: CriteriaSetEditor,
  icon: ChecklistIcon,
  recordRepresentation: 'name',
};
