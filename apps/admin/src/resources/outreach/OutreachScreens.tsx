import { OrgUnitKind } from '@dangbo/shared-types';
import {
  AutocompleteInput,
  Create,
  Datagrid,
  Edit,
  List,
  NumberField,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  required,
  SelectField,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  TextInput,
  minValue,
  useRecordContext,
} from 'react-admin';
import { DateField } from '../../common/DateField';
import { DateInput } from '../../common/DateInput';
import { EditActions, FilterCreateActions } from '../../common/RecordActions';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { useKeepPageOnOutage } from '../../common/useKeepPageOnOutage';
import { rateText } from '../../pages/directive/rates';
import { audienceChoices } from '../activities/choices';

const OUTREACH_UNIT_KINDS = [OrgUnitKind.MASS_ORG, OrgUnitKind.FRONT, OrgUnitKind.COMMUNE_COMMITTEE, OrgUnitKind.GRASSROOTS_COMMITTEE];

/** Outreach is counted for mass-organisation members or the people; party members have attendance instead. */
const outreachAudiences = audienceChoices.filter((c) => c.id !== 'PARTY_MEMBERS');

const RateField = (_props: { label?: string }) => {
  const record = useRecordContext<{ rate?: number }>();
  return <span>{rateText(record?.rate)}</span>;
};

const filters = [
  <UnitReferenceInput key="unitId" source="unitId" alwaysOn sx={{ minWidth: 300 }} />,
  <SelectInput key="audience" source="audience" choices={outreachAudiences} alwaysOn />,
  <DateInput key="from" source="from" />,
  <DateInput key="to" source="to" />,
  <ReferenceInput key="activityId" source="activityId" reference="Activity">
    <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
];

const FIELDS = ['id', 'unitId', 'audience', 'periodFrom', 'periodTo', 'reachedCount', 'headCount', 'headCountAsOf', 'rate', 'activityId', 'version'];

/** How many mass-organisation members or people were reached, against the head count of the period. */
export const OutreachList = () => (
  <List filters={filters} actions={<FilterCreateActions />} sort={{ field: 'periodTo', order: 'DESC' }} perPage={25} queryOptions={{ meta: { sparseFields: FIELDS } }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <ReferenceField source="unitId" reference="OrgUnit" link={false} sortable={false} />
      <SelectField source="audience" choices={audienceChoices} sortable={false} />
      <DateField source="periodFrom" sortable={false} />
      <DateField source="periodTo" />
      <NumberField source="reachedCount" sortable={false} />
      <NumberField source="headCount" sortable={false} />
      <RateField label="resources.Outreach.fields.rate" />
    </Datagrid>
  </List>
);

export const OutreachShow = () => (
  <Show actions={<EditActions />}>
    <SimpleShowLayout>
      <ReferenceField source="unitId" reference="OrgUnit" link="show" />
      <SelectField source="audience" choices={audienceChoices} />
      <DateField source="periodFrom" />
      <DateField source="periodTo" />
      <NumberField source="reachedCount" />
      <NumberField source="headCount" />
      <DateField source="headCountAsOf" />
      <RateField label="resources.Outreach.fields.rate" />
      <ReferenceField source="activityId" reference="Activity" link="show" emptyText="app.common.none" />
      <TextField source="note" emptyText="app.common.none" />
    </SimpleShowLayout>
  </Show>
);

/** The head count is taken by the API from the snapshot in force; a reached count above it is refused on its field. */
const OutreachFields = () => (
  <>
    <UnitReferenceInput source="unitId" validate={required()} kinds={OUTREACH_UNIT_KINDS} />
    <SelectInput source="audience" choices={outreachAudiences} validate={required()} />
    <ReferenceInput source="activityId" reference="Activity" sort={{ field: 'heldOn', order: 'DESC' }}>
      <AutocompleteInput optionText="title" filterToQuery={(q: string) => ({ q })} />
    </ReferenceInput>
    <DateInput source="periodFrom" />
    <DateInput source="periodTo" />
    <NumberInput source="reachedCount" validate={[required(), minValue(0)]} />
    <TextInput source="note" multiline fullWidth />
  </>
);

export const OutreachCreate = () => (
  <Create redirect="show">
    <SimpleForm sx={{ maxWidth: 700 }} defaultValues={{ audience: 'MASS_ORGS' }}>
      <OutreachFields />
    </SimpleForm>
  </Create>
);

export const OutreachEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={useKeepPageOnOutage()}>
    <SimpleForm sx={{ maxWidth: 700 }}>
      <OutreachFields />
    </SimpleForm>
  </Edit>
);
