import { lazyScreen } from '../../lazy-screen';
import PeopleIcon from '@mui/icons-material/People';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const MemberCreate = lazyScreen(() => import('./MemberCreate'), 'MemberCreate');
const MemberEdit = lazyScreen(() => import('./MemberEdit'), 'MemberEdit');
const MemberList = lazyScreen(() => import('./MemberList'), 'MemberList');
const MemberShow = lazyScreen(() => import('./MemberShow'), 'MemberShow');

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
