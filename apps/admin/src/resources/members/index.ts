import PeopleIcon from '@mui/icons-material/People';
import type { ResourceProps } from 'react-admin';
import { MemberCreate } from './MemberCreate';
import { MemberEdit } from './MemberEdit';
import { MemberList } from './MemberList';
import { MemberShow } from './MemberShow';

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
