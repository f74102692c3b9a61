import { lazyScreen } from '../../lazy-screen';
import DescriptionIcon from '@mui/icons-material/Description';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const DocumentList = lazyScreen(() => import('./DocumentList'), 'DocumentList');
const DocumentShow = lazyScreen(() => import('./DocumentShow'), 'DocumentShow');
const DocumentCreate = lazyScreen(() => import('./DocumentForm'), 'DocumentCreate');
const DocumentEdit = lazyScreen(() => import('./DocumentForm'), 'DocumentEdit');

/** The document register (GraphQL type `Document`). */
export const documents: ResourceProps = {
  name: 'Document',
  list: DocumentList,
  show: DocumentShow,
  create: DocumentCreate,
  edit: DocumentEdit,
  icon: DescriptionIcon,
  recordRepresentation: 'number',
};
