import PeopleIcon from '@mui/icons-material/People';
import {
  ArrayField,
  Button,
  ChipField,
  Datagrid,
  Link,
  ReferenceField,
  SelectField,
  Show,
  SingleFieldList,
  TabbedShowLayout,
  TextField,
  useCreatePath,
  useRecordContext,
} from 'react-admin';
import { choicesOf, massOrgKindChoices, orgUnitKindChoices } from '../../common/choices';
import { DateField } from '../../common/DateField';
import { LIST_FIELDS } from '../../providers/dataProvider';
import { EmptyLine } from '../../common/EmptyLine';
import { NumberField } from '../../common/NumberField';
import { EditActions } from '../../common/RecordActions';
import { LINEAGE_FIELDS, LineagePanel } from './LineagePanel';

const headCountKindChoices = choicesOf('HeadCountKind', { MEMBERS: 'MEMBERS', PEOPLE: 'PEOPLE' });

/** The show page reads the unit's relations with only the columns it displays. */
const SHOW_FIELDS = [
  ...LIST_FIELDS.OrgUnit,
  'terms',
  'headCounts',
  { ancestors: ['id', 'name'] },
  { children: ['id', 'name', 'kind', 'childCount', 'memberCount'] },
  ...LINEAGE_FIELDS,
];

const MembersButton = () => {
  const record = useRecordContext();
  const createPath = useCreatePath();
  if (!record) return null;
  const to = `${createPath({ resource: 'Member', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ unitId: record.id }))}`;
  return <Button component={Link} to={to} label="app.tree.show_members" startIcon={<PeopleIcon />} />;
};

const ShowActions = () => (
  <EditActions>
    <MembersButton />
  </EditActions>
);

export const OrgUnitShow = () => (
  <Show actions={<ShowActions />} queryOptions={{ meta: { sparseFields: SHOW_FIELDS } }}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="app.unit.general">
        <TextField source="name" />
        <TextField source="shortName" />
        <TextField source="code" />
        <SelectField source="kind" choices={orgUnitKindChoices} />
        <SelectField source="massOrgKind" choices={massOrgKindChoices} />
        <ReferenceField source="parentId" reference="OrgUnit" link="show" />
        <ArrayField source="ancestors">
          <SingleFieldList linkType="show">
            <ChipField source="name" size="small" />
          </SingleFieldList>
        </ArrayField>
        <NumberField source="memberCount" />
        <DateField source="validFrom" />
        <DateField source="validTo" />
        <LineagePanel />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.unit.structure">
        <ArrayField source="children">
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<EmptyLine />}>
            <TextField source="name" />
            <SelectField source="kind" choices={orgUnitKindChoices} />
            <NumberField source="childCount" textAlign="right" />
            <NumberField source="memberCount" textAlign="right" />
          </Datagrid>
        </ArrayField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="app.unit.history">
        <ArrayField source="terms">
          <Datagrid rowClick={false} bulkActionButtons={false} empty={<EmptyLine />}>
            <TextField source="name" label="app.unit.term_name" />
            <DateField source="startDate" label="app.unit.term_start" />
            <DateField source="endDate" label="app.unit.term_end" />
          </Datagrid>
        </ArrayField>
        <ArrayField source="headCounts">
          <Datagrid rowClick={false} bulkActionButtons={false} empty={<EmptyLine />}>
            <SelectField source="kind" choices={headCountKindChoices} label="app.unit.head_count_kind" />
            <DateField source="asOf" label="app.unit.head_count_as_of" />
            <NumberField source="count" textAlign="right" label="app.unit.head_count" />
          </Datagrid>
        </ArrayField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
