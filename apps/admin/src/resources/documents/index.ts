import { lazy } from 'react';
import DescriptionIcon from '@mui/icons-material/Description';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const DocumentList = lazy(() => import('./DocumentList').then((m) => ({ default: m.DocumentList })));
const DocumentShow = lazy(() => import('./DocumentShow').then((m) => ({ default: m.DocumentShow })));
const DocumentCreate = lazy(() => import('./DocumentForm').then((m) => ({ default: m.DocumentCreate })));
const DocumentEdit = lazy(() => import('./DocumentForm').then((m) => ({ default: m.DocumentEdit })));

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
