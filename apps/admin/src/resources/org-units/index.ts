import { lazyScreen } from '../../lazy-screen';
import ApartmentIcon from '@mui/icons-material/Apartment';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const OrgUnitCreate = lazyScreen(() => import('./OrgUnitCreate'), 'OrgUnitCreate');
const OrgUnitEdit = lazyScreen(() => import('./OrgUnitEdit'), 'OrgUnitEdit');
const OrgUnitList = lazyScreen(() => import('./OrgUnitList'), 'OrgUnitList');
const OrgUnitShow = lazyScreen(() => import('./OrgUnitShow'), 'OrgUnitShow');

/** Units of the organisation tree (GraphQL type `OrgUnit`). */
export const orgUnits: ResourceProps = {
  name: 'OrgUnit',
  list: OrgUnitList,
  show: OrgUnitShow,
  create: OrgUnitCreate,
  edit: OrgUnitEdit,
  icon: ApartmentIcon,
  recordRepresentation: 'name',
};
