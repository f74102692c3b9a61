import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const RecipientCreate = lazy(() => import('./RecipientForm').then((m) => ({ default: m.RecipientCreate })));
const RecipientEdit = lazy(() => import('./RecipientForm').then((m) => ({ default: m.RecipientEdit })));

/** Where a document was sent (GraphQL type `DocumentRecipient`): listed on the document's page, no menu entry. */
export const documentRecipients: ResourceProps = {
  name: 'DocumentRecipient',
  create: RecipientCreate,
  edit: RecipientEdit,
  recordRepresentation: 'sentOn',
};
