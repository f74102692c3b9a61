import { Edit } from 'react-admin';
import { useKeepPageOnOutage } from '../../common/useKeepPageOnOutage';
import { MemberForm } from './MemberForm';
import { prepareMemberWrite } from './transform';

/**
 * Pessimistic, so the API's refusals (a stale version, a rule broken) come back onto the form's fields; a save
 * refused because the database is down leaves the form as typed, to be saved again once it is back.
 */
export const MemberEdit = () => (
  <Edit
    mutationMode="pessimistic"
    redirect="show"
    queryOptions={useKeepPageOnOutage()}
    transform={(data, options) => prepareMemberWrite(data, options?.previousData)}
  >
    <MemberForm edit />
  </Edit>
);
