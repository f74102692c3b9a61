import { lazyScreen } from '../../lazy-screen';
import HistoryIcon from '@mui/icons-material/History';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const AuditList = lazyScreen(() => import('./AuditList'), 'AuditList');
const AuditShow = lazyScreen(() => import('./AuditShow'), 'AuditShow');

/** The audit log (GraphQL type `AuditEntry`): list and show only, for those who read it (READ_AUDIT). */
export const auditEntries: ResourceProps = {
  name: 'AuditEntry',
  list: AuditList,
  show: AuditShow,
  icon: HistoryIcon,
  recordRepresentation: (entry) => `#${entry.id}`,
};
