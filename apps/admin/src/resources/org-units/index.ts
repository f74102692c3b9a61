import { lazy } from 'react';
import ApartmentIcon from '@mui/icons-material/Apartment';
import type { ResourceProps } from 'react-admin';

// Each page loads with its route (see App.tsx).
const OrgUnitCreate = lazy(() => import('./OrgUnitCreate').then((m) => ({ default: m.OrgUnitCreate })));
const OrgUnitEdit = lazy(() => import('./OrgUnitEdit').then((m) => ({ default: m.OrgUnitEdit })));
const OrgUnitList = lazy(() => import('./OrgUnitList').then((m) => ({ default: m.OrgUnitList })));
const OrgUnitShow = lazy(() => import('./OrgUnitShow').then((m) => ({ default: m.OrgUnitShow })));

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
