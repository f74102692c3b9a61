import { lazyScreen } from '../../lazy-screen';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const UserCreate = lazyScreen(() => import('./UserCreate'), 'UserCreate');
const UserEdit = lazyScreen(() => import('./UserEdit'), 'UserEdit');
const UserList = lazyScreen(() => import('./UserList'), 'UserList');
const UserShow = lazyScreen(() => import('./UserShow'), 'UserShow');

/** Accounts (GraphQL type `User`); shown to those who manage accounts (MANAGE_USERS). */
export const users: ResourceProps = {
  name: 'User',
  list: UserList,
  show: UserShow,
  create: UserCreate,
  edit: UserEdit,
  icon: ManageAccountsIcon,
  recordRepresentation: 'displayName',
};
