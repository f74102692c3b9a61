import { ReferenceArrayField, ReferenceField, SelectField, Show, SimpleShowLayout, SingleFieldList, ChipField, TextField } from 'react-admin';
import { DateField } from '../../common/DateField';
import { EditActions } from '../../common/RecordActions';
import { AttendanceButton } from './AttendanceButton';
import { activityKindChoices, audienceChoices, conferenceKindChoices, mediumChoices } from './choices';

const ShowActions = () => (
  <EditActions>
    <AttendanceButton />
  </EditActions>
);

export const ActivityShow = () => (
  <Show actions={<ShowActions />}>
    <SimpleShowLayout>
      <TextField source="title" />
      <SelectField source="kind" choices={activityKindChoices} />
      <SelectField source="conferenceKind" choices={conferenceKindChoices} emptyText="app.common.none" />
      <SelectField source="medium" choices={mediumChoices} emptyText="app.common.none" />
      <ReferenceField source="unitId" reference="OrgUnit" link="show" />
      <DateField source="heldOn" />
      <SelectField source="audience" choices={audienceChoices} />
      <ReferenceField source="subjectMemberId" reference="Member" link="show" emptyText="app.common.none" />
      <ReferenceField source="subjectUnitId" reference="OrgUnit" link="show" emptyText="app.common.none" />
      <ReferenceArrayField source="documentIds" reference="Document">
        <SingleFieldList linkType="show">
          <ChipField source="number" />
        </SingleFieldList>
      </ReferenceArrayField>
      <TextField source="note" emptyText="app.common.none" />
    </SimpleShowLayout>
  </Show>
);
