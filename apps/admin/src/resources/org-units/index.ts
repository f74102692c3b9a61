import ApartmentIcon from '@mui/icons-material/Apartment';
import type { ResourceProps } from 'react-admin';
import { OrgUnitCreate } from './OrgUnitCreate';
import { OrgUnitEdit } from './OrgUnitEdit';
import { OrgUnitList } from './OrgUnitList';
import { OrgUnitShow } from './OrgUnitShow';

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
