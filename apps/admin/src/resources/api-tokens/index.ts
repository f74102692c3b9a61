import { lazyScreen } from '../../lazy-screen';
import KeyIcon from '@mui/icons-material/Key';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const ApiTokenCreate = lazyScreen(() => import('./ApiTokenCreate'), 'ApiTokenCreate');
const ApiTokenList = lazyScreen(() => import('./ApiTokenList'), 'ApiTokenList');

/** Read-only API tokens for analytics (GraphQL type `ApiToken`); shown to those who manage tokens (MANAGE_TOKENS). */
export const apiTokens: ResourceProps = {
  name: 'ApiToken',
  list: ApiTokenList,
  create: ApiTokenCreate,
  icon: KeyIcon,
  recordRepresentation: 'name',
};
