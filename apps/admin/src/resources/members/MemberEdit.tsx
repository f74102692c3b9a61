import { Edit } from 'react-admin';
import { MemberForm } from './MemberForm';
import { prepareMemberWrite } from './transform';

/** Pessimistic, so the API's refusals (a stale version, a rule broken) come back onto the form's fields. */
export const MemberEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={(data, options) => prepareMemberWrite(data, options?.previousData)}>
    <MemberForm edit />
  </Edit>
);
