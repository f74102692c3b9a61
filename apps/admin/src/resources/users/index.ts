import { lazy } from 'react';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const UserCreate = lazy(() => import('./UserCreate').then((m) => ({ default: m.UserCreate })));
const UserEdit = lazy(() => import('./UserEdit').then((m) => ({ default: m.UserEdit })));
const UserList = lazy(() => import('./UserList').then((m) => ({ default: m.UserList })));
const UserShow = lazy(() => import('./UserShow').then((m) => ({ default: m.UserShow })));

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
