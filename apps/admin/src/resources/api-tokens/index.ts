import KeyIcon from '@mui/icons-material/Key';
import type { ResourceProps } from 'react-admin';
import { ApiTokenCreate } from './ApiTokenCreate';
import { ApiTokenList } from './ApiTokenList';

/** Read-only API tokens for analytics (GraphQL type `ApiToken`); shown to those who manage tokens (MANAGE_TOKENS). */
export const apiTokens: ResourceProps = {
  name: 'ApiToken',
  list: ApiTokenList,
  create: ApiTokenCreate,
  icon: KeyIcon,
  recordRepresentation: 'name',
};
