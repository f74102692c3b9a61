import FactCheckIcon from '@mui/icons-material/FactCheck';
import type { MouseEvent } from 'react';
import { Button, Link, useCanAccess, useRecordContext } from 'react-admin';
import { ActivityAudience } from './choices';

/** Opens the meeting's attendance sheet (party-member activities only, for those who keep it). */
export const AttendanceButton = () => {
  const record = useRecordContext<{ id: string; audience?: string }>();
  const { canAccess } = useCanAccess({ resource: 'Attendance', action: 'edit' });
  if (!record || record.audience !== ActivityAudience.PARTY_MEMBERS || !canAccess) return null;
  return (
    <Button
      component={Link}
      to={`/Activity/${record.id}/attendance`}
      label="app.attendance.open"
      startIcon={<FactCheckIcon />}
      onClick={(e: MouseEvent) => e.stopPropagation()}
    />
  );
};
