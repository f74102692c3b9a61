import { Edit } from 'react-admin';
import { OrgUnitForm } from './OrgUnitForm';

/** Pessimistic: the API's refusals (stale version, a parent that would make a cycle) come back onto the form. */
export const OrgUnitEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <OrgUnitForm edit />
  </Edit>
);
