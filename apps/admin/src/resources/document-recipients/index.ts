import { lazyScreen } from '../../lazy-screen';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const RecipientCreate = lazyScreen(() => import('./RecipientForm'), 'RecipientCreate');
const RecipientEdit = lazyScreen(() => import('./RecipientForm'), 'RecipientEdit');

/** Where a document was sent (GraphQL type `DocumentRecipient`): listed on the document's page, no menu entry. */
export const documentRecipients: ResourceProps = {
  name: 'DocumentRecipient',
  create: RecipientCreate,
  edit: RecipientEdit,
  recordRepresentation: 'sentOn',
};
