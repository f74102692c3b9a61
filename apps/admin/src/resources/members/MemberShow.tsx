import {
  ArrayField,
  Datagrid,
  ReferenceField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
} from 'react-admin';
import { choicesOf, genderChoices } from '../../common/choices';
import { DateField } from '../../common/DateField';
import { EmptyLine } from '../../common/EmptyLine';
import { EnumChipField } from '../../common/EnumChipField';
import { PartyAgeField } from '../../common/PartyAgeField';
import { MembershipKind, PositionTitle } from '@dangbo/shared-types';
import { STATUS_COLORS } from './statusColors';

const membershipKindChoices = choicesOf('MembershipKind', MembershipKind);
const positionChoices = choicesOf('PositionTitle', PositionTitle);
const numberKindChoices = choicesOf('NumberKind', { CARD: 'CARD', RECORD: 'RECORD' });

export const MemberShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="app.member.identity">
        <TextField source="fullName" />
        <TextField source="familyName" />
        <TextField source="middleName" />
        <TextField source="givenName" />
        <SelectField source="gender" choices={genderChoices} />
        <DateField source="birthDate" />
        <TextField source="citizenId" />
        <TextField source="note" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.member.party">
        <ReferenceField source="cellId" reference="OrgUnit" link="show" />
        <EnumChipField source="status" enumName="MemberStatus" colors={STATUS_COLORS} />
        <TextField source="cardNumber" />
        <TextField source="recordNumber" />
        <DateField source="admittedOn" />
        <DateField source="officialOn" />
        <PartyAgeField source="partyAgeYears" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.member.history">
        <ArrayField source="memberships">
          <Datagrid rowClick={false} bulkActionButtons={false} empty={<EmptyLine />}>
            <ReferenceField source="unitId" reference="OrgUnit" link="show" />
            <SelectField source="kind" choices={membershipKindChoices} />
            <DateField source="validFrom" />
            <DateField source="validTo" />
            <TextField source="note" />
          </Datagrid>
        </ArrayField>
        <ArrayField source="positions">
          <Datagrid rowClick={false} bulkActionButtons={false} empty={<EmptyLine />}>
            <SelectField source="title" choices={positionChoices} />
            <ReferenceField source="unitId" reference="OrgUnit" link="show" />
            <DateField source="validFrom" />
            <DateField source="validTo" />
          </Datagrid>
        </ArrayField>
        <ArrayField source="numberHistory">
          <Datagrid rowClick={false} bulkActionButtons={false} empty={<EmptyLine />}>
            <SelectField source="kind" choices={numberKindChoices} />
            <TextField source="value" />
            <DateField source="replacedAt" />
          </Datagrid>
        </ArrayField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
