import { lazyScreen } from '../../lazy-screen';
import CampaignIcon from '@mui/icons-material/Campaign';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const OutreachList = lazyScreen(() => import('./OutreachScreens'), 'OutreachList');
const OutreachShow = lazyScreen(() => import('./OutreachScreens'), 'OutreachShow');
const OutreachCreate = lazyScreen(() => import('./OutreachScreens'), 'OutreachCreate');
const OutreachEdit = lazyScreen(() => import('./OutreachScreens'), 'OutreachEdit');

/** Outreach to mass-organisation members and the people (GraphQL type `Outreach`). */
export const outreaches: ResourceProps = {
  name: 'Outreach',
  list: OutreachList,
  show: OutreachShow,
  create: OutreachCreate,
  edit: OutreachEdit,
  icon: CampaignIcon,
  recordRepresentation: 'id',
};
