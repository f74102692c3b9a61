import { lazyScreen } from '../../lazy-screen';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx). A meeting's whole sheet is `/Activity/:id/attendance`.
const AttendanceList = lazyScreen(() => import('./AttendanceList'), 'AttendanceList');
const AttendanceEdit = lazyScreen(() => import('./AttendanceList'), 'AttendanceEdit');

/** Marks of members at party-member activities (GraphQL type `Attendance`). */
export const attendances: ResourceProps = {
  name: 'Attendance',
  list: AttendanceList,
  edit: AttendanceEdit,
  icon: FactCheckIcon,
  recordRepresentation: 'id',
};
