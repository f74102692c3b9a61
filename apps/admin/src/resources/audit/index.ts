import HistoryIcon from '@mui/icons-material/History';
import type { ResourceProps } from 'react-admin';
import { AuditList } from './AuditList';
import { AuditShow } from './AuditShow';

/** The audit log (GraphQL type `AuditEntry`): list and show only, for those who read it (READ_AUDIT). */
export const auditEntries: ResourceProps = {
  name: 'AuditEntry',
  list: AuditList,
  show: AuditShow,
  icon: HistoryIcon,
  recordRepresentation: (entry) => `#${entry.id}`,
};
