import { lazy } from 'react';
import PeopleIcon from '@mui/icons-material/People';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const MemberCreate = lazy(() => import('./MemberCreate').then((m) => ({ default: m.MemberCreate })));
const MemberEdit = lazy(() => import('./MemberEdit').then((m) => ({ default: m.MemberEdit })));
const MemberList = lazy(() => import('./MemberList').then((m) => ({ default: m.MemberList })));
const MemberShow = lazy(() => import('./MemberShow').then((m) => ({ default: m.MemberShow })));

/** Party members (GraphQL type `Member`). */
export const members: ResourceProps = {
  name: 'Member',
  list: MemberList,
  show: MemberShow,
  create: MemberCreate,
  edit: MemberEdit,
  icon: PeopleIcon,
  recordRepresentation: 'fullName',
};
