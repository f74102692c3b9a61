import { lazy } from 'react';
import ChecklistIcon from '@mui/icons-material/Checklist';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const CriteriaSetCreate = lazy(() => import('./CriteriaSetCreate').then((m) => ({ default: m.CriteriaSetCreate })));
const CriteriaSetList = lazy(() => import('./CriteriaSetList').then((m) => ({ default: m.CriteriaSetList })));
const CriteriaSetShow = lazy(() => import('./CriteriaSetShow').then((m) => ({ default: m.CriteriaSetShow })));
const CriteriaSetEditor = lazy(() => import('./editor/CriteriaSetEditor').then((m) => ({ default: m.CriteriaSetEditor })));

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
