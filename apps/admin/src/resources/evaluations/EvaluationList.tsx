import { Tab, Tabs } from '@mui/material';
import { Level, SubjectKind } from '@dangbo/shared-types';
import {
  AutocompleteInput,
  Datagrid,
  FilterButton,
  List,
  NumberField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useListContext,
  useTranslate,
} from 'react-admin';
import { choicesOf } from '../../common/choices';
import { EnumChipField } from '../../common/EnumChipField';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { LEVEL_COLORS } from '../criteria-sets/preview';
import { XlsxExportButton } from '../../pages/reports/XlsxExportButton';
import { LIST_FIELDS } from './api';

const STAGES = ['PENDING', 'SUBMITTED', 'APPRAISED', 'DECIDED'] as const;
export const stageChoices = choicesOf('EvaluationStage', Object.fromEntries(STAGES.map((s) => [s, s])));
const statusChoices = choicesOf('EvaluationStatus', { ACTIVE: 'ACTIVE', WITHDRAWN: 'WITHDRAWN' });
const levelChoices = choicesOf('Level', Level);
const subjectKindChoices = choicesOf('SubjectKind', SubjectKind);

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="periodId" source="periodId" reference="RatingPeriod" sort={{ field: 'id', order: 'DESC' }} alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <UnitReferenceInput key="unitId" source="unitId" label="app.rating.unit_filter" alwaysOn sx={{ minWidth: 280 }} />,
  <SelectInput key="subjectKind" source="subjectKind" choices={subjectKindChoices} alwaysOn />,
  <SelectInput key="level" source="level" choices={levelChoices} />,
  <SelectInput key="status" source="status" choices={statusChoices} />,
];

const XLSX_COLUMNS = ['subjectName', 'subjectKind', 'unitId', 'stage', 'total', 'engineLevel', 'proposedLevel', 'level'] as const;

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <XlsxExportButton columns={XLSX_COLUMNS} />
  </TopToolbar>
);

/** One tab per stage (and all): a cell works its PENDING list, the committee its APPRAISED one. */
const StageTabs = () => {
  const translate = useTranslate();
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const value = (filterValues.stage as string | undefined) ?? 'ALL';
  return (
    <Tabs
      value={value}
      onChange={(_, v: string) => setFilters(v === 'ALL' ? { ...filterValues, stage: undefined } : { ...filterValues, stage: v }, displayedFilters)}
      aria-label={translate('app.rating.stage_tabs')}
      sx={{ px: 2 }}
    >
      <Tab value="ALL" label={translate('app.rating.all_stages')} />
      {STAGES.map((s) => (
        <Tab key={s} value={s} label={translate(`enums.EvaluationStage.${s}`)} />
      ))}
    </Tabs>
  );
};

/** Evaluations of the periods in the user's scope, per stage, with the filters of the rating's work. */
export const EvaluationList = () => (
  <List
    filters={filters}
    actions={<ListActions />}
    filterDefaultValues={{ status: 'ACTIVE' }}
    sort={{ field: 'id', order: 'ASC' }}
    perPage={25}
    queryOptions={{ meta: { sparseFields: LIST_FIELDS } }}
  >
    <StageTabs />
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="subjectName" sx={{ fontWeight: 600 }} />
      <SelectField source="subjectKind" choices={subjectKindChoices} sortable={false} />
      <TextField source="unit.name" sortable={false} />
      <EnumChipField source="stage" enumName="EvaluationStage" sortable={false} />
      <NumberField source="total" />
      <EnumChipField source="engineLevel" enumName="Level" colors={LEVEL_COLORS} sortable={false} />
      <EnumChipField source="proposedLevel" enumName="Level" colors={LEVEL_COLORS} sortable={false} />
      <EnumChipField source="level" enumName="Level" colors={LEVEL_COLORS} sortable={false} />
    </Datagrid>
  </List>
);
