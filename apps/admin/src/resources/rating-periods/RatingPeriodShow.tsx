import { Box } from '@mui/material';
import { SimpleShowLayout, Show, SelectField, TextField, useRecordContext, NumberField, BooleanField } from 'react-admin';
import { DateField } from '../../common/DateField';
import { PeriodPanel } from '../../pages/rating/PeriodPanel';
import { periodKindChoices } from '../criteria-sets/choices';

const Panel = () => {
  const record = useRecordContext();
  return record ? <PeriodPanel periodId={String(record.id)} /> : null;
};

/** A period: its dates and quota settings, and running it (open, recompute, lock, reopen) for a unit. */
export const RatingPeriodShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" sx={{ fontWeight: 600 }} />
      <SelectField source="kind" choices={periodKindChoices} />
      <DateField source="startDate" />
      <DateField source="endDate" />
      <NumberField source="quotaShare" options={{ style: 'percent' }} />
      <BooleanField source="baseIncludesExcellent" />
      <BooleanField source="orderCollectiveBeforeHead" />
      <BooleanField source="orderMembersBeforeOrganisation" />
      <BooleanField source="orderLowerBeforeUpper" />
    </SimpleShowLayout>
    <Box sx={{ p: 2 }}>
      <Panel />
    </Box>
  </Show>
);
