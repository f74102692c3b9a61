import ChecklistIcon from '@mui/icons-material/Checklist';
import type { ResourceProps } from 'react-admin';
import { CriteriaSetCreate } from './CriteriaSetCreate';
import { CriteriaSetList } from './CriteriaSetList';
import { CriteriaSetShow } from './CriteriaSetShow';
import { CriteriaSetEditor } from './editor/CriteriaSetEditor';

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
