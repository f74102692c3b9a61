import { Datagrid, List, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { DateField } from '../../common/DateField';
import { EnumChipField } from '../../common/EnumChipField';
import { NumberField } from '../../common/NumberField';
import { FilterCreateActions } from '../../common/RecordActions';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { criteriaSetStatusChoices, subjectKindChoices } from './choices';
import { STATUS_COLORS } from './types';

/** The list asks for the unit's name with each set (the unit of a province template may be outside the caller's tree). */
const listFields = () => ['id', 'name', 'unitId', { unit: ['id', 'name'] }, 'periodId', 'subjectKind', 'status', 'revision', 'publishedAt', 'version'];

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="periodId" source="periodId" reference="RatingPeriod" alwaysOn>
    <SelectInput optionText="name" sx={{ minWidth: 160 }} />
  </ReferenceInput>,
  <SelectInput key="subjectKind" source="subjectKind" choices={subjectKindChoices} alwaysOn sx={{ minWidth: 260 }} />,
  <SelectInput key="status" source="status" choices={criteriaSetStatusChoices} />,
  <UnitReferenceInput key="unitId" source="unitId" label="resources.CriteriaSet.fields.unitId" sx={{ minWidth: 300 }} />,
];

/** Criteria sets of every unit the caller may read, newest first; a row opens the editor (read-only where it must be). */
export const CriteriaSetList = () => (
  <List filters={filters} actions={<FilterCreateActions />} sort={{ field: 'id', order: 'DESC' }} perPage={25} queryOptions={{ meta: { sparseFields: listFields() } }}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="name" sx={{ fontWeight: 600 }} />
      <TextField source="unit.name" label="resources.CriteriaSet.fields.unitId" sortable={false} />
      <ReferenceField source="periodId" reference="RatingPeriod" link={false} sortable={false} />
      <SelectField source="subjectKind" choices={subjectKindChoices} />
      <EnumChipField source="status" enumName="CriteriaSetStatus" colors={STATUS_COLORS} />
      <NumberField source="revision" />
      <DateField source="publishedAt" sortable={false} />
    </Datagrid>
  </List>
);
