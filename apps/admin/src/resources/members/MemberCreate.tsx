import { Create } from 'react-admin';
import { MemberForm } from './MemberForm';
import { prepareMemberWrite } from './transform';

export const MemberCreate = () => (
  <Create redirect="show" transform={(data) => prepareMemberWrite(data)}>
    <MemberForm />
  </Create>
);
