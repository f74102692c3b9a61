import { lazy } from 'react';
import CampaignIcon from '@mui/icons-material/Campaign';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const OutreachList = lazy(() => import('./OutreachScreens').then((m) => ({ default: m.OutreachList })));
const OutreachShow = lazy(() => import('./OutreachScreens').then((m) => ({ default: m.OutreachShow })));
const OutreachCreate = lazy(() => import('./OutreachScreens').then((m) => ({ default: m.OutreachCreate })));
const OutreachEdit = lazy(() => import('./OutreachScreens').then((m) => ({ default: m.OutreachEdit })));

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
