/**
 * The restructure wizard: pick the event type, the units, the date and the decision; the dry run lists every change
 * the event will make (child units, memberships, roles, rating periods); confirming applies exactly that list in one
 * transaction. After applying, the tree shows side by side on the last day before and on the effective date.
 */
import { Alert, Box, Button, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, FormDataConsumer, ReferenceArrayInput, AutocompleteArrayInput, SaveButton, SelectInput, TextInput, Title, required, useNotify, useTranslate } from 'react-admin';
import { dayBefore, formatDate } from '@dangbo/vn';
import { choicesOf, orgUnitKindChoices } from '../../common/choices';
import { DateInput } from '../../common/DateInput';
import { UnitReferenceInput, unitOptionText } from '../../common/UnitReferenceInput';
import { OrgTree } from '../../resources/org-units/tree/OrgTree';
import { restructure, type RestructureChange } from './api';
import { toInput, type RestructureInput } from './input';

// SPLIT needs a placement of every child unit: the API takes it (placements), the wizard does not offer it yet.
const EVENT_TYPES = { MERGE: 'MERGE', ABSORB: 'ABSORB', RENAME: 'RENAME', MOVE: 'MOVE', END: 'END', FOUND: 'FOUND' };
const typeChoices = choicesOf('OrgEventType', EVENT_TYPES);
const grantChoices = [
  { id: 'MOVE', name: 'app.restructure.grant_move' },
  { id: 'END', name: 'app.restructure.grant_end' },
];
const changeKindLabel = (kind: string) => `enums.RestructureChangeKind.${kind}`;

const ChangeTable = ({ changes }: { changes: RestructureChange[] }) => {
  const translate = useTranslate();
  if (changes.length === 0) return <Alert severity="info">{translate('app.restructure.no_changes')}</Alert>;
  return (
    <Table size="small" data-testid="restructure-changes">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.restructure.change_kind')}</TableCell>
          <TableCell>{translate('app.restructure.change_description')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {changes.map((c, i) => (
          <TableRow key={i}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{translate(changeKindLabel(c.kind))}</TableCell>
            <TableCell>{c.description}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The inputs each event type uses, shown only for that type. */
const TypeInputs = ({ type }: { type: string }) => (
  <>
    {type !== 'FOUND' && (
      <ReferenceArrayInput source="unitIds" reference="OrgUnit" sort={{ field: 'name', order: 'ASC' }} perPage={50}>
        <AutocompleteArrayInput label="app.restructure.units" optionText={unitOptionText} filterToQuery={(q: string) => ({ q })} validate={required()} />
      </ReferenceArrayInput>
    )}
    {type === 'ABSORB' && <UnitReferenceInput source="targetId" label="app.restructure.target" validate={required()} />}
    {['FOUND', 'MERGE', 'MOVE'].includes(type) && <UnitReferenceInput source="parentId" label="app.restructure.parent" />}
    {(type === 'FOUND' || type === 'MERGE') && (
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextInput source="newUnitName" label="app.restructure.new_name" validate={required()} />
        <SelectInput source="newUnitKind" label="app.restructure.new_kind" choices={orgUnitKindChoices} validate={required()} />
      </Stack>
    )}
    {type === 'RENAME' && <TextInput source="newName" label="app.restructure.rename_to" validate={required()} />}
    {['MERGE', 'ABSORB', 'END'].includes(type) && <SelectInput source="grantPolicy" label="app.restructure.grant_policy" choices={grantChoices} />}
  </>
);

export const RestructurePage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [planned, setPlanned] = useState<{ input: RestructureInput; changes: RestructureChange[] } | null>(null);
  const [applied, setApplied] = useState<{ date: string; id: string; count: number } | null>(null);

  const run = async (input: RestructureInput, dryRun: boolean) => {
    try {
      const result = await restructure(input, dryRun);
      if (dryRun) setPlanned({ input, changes: result.changes });
      else {
        setPlanned(null);
        setApplied({ date: input.effectiveDate, id: result.event?.id ?? '', count: result.changes.length });
      }
      return undefined;
    } catch (e) {
      const error = e as { message?: string; body?: { errors?: Record<string, string> } };
      notify(error.message ?? 'ra.notification.http_error', { type: 'error' });
      // Messages next to the inputs the API named (BAD_USER_INPUT's field).
      return error.body?.errors;
    }
  };

  return (
    <Box sx={{ mt: { xs: 1, sm: 2 }, mb: 2 }}>
      <Title title="app.restructure.title" />
      <Card>
        <CardContent>
          <Typography variant="h6" component="h1">
            {translate('app.restructure.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.restructure.intro')}
          </Typography>
          <Form onSubmit={(values: Record<string, unknown>) => run(toInput(values), true)} defaultValues={{ type: 'MERGE', grantPolicy: 'MOVE' }}>
            <Stack spacing={1} sx={{ maxWidth: 720 }}>
              <SelectInput source="type" label="app.restructure.type" choices={typeChoices} validate={required()} onChange={() => setPlanned(null)} />
              <FormDataConsumer>{({ formData }) => <TypeInputs type={String(formData.type ?? '')} />}</FormDataConsumer>
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                <DateInput source="effectiveDate" label="app.restructure.effective_date" validate={required()} />
                <TextInput source="decisionNumber" label="app.restructure.decision_number" />
                <DateInput source="decisionDate" label="app.restructure.decision_date" />
              </Stack>
              <TextInput source="note" label="app.restructure.note" multiline />
              <Box>
                <SaveButton label="app.restructure.dry_run" icon={<span />} alwaysEnable />
              </Box>
            </Stack>
          </Form>
        </CardContent>
      </Card>
      {planned && (
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <Typography variant="subtitle1" component="h2">
              {translate('app.restructure.changes', { count: planned.changes.length })}
            </Typography>
            <ChangeTable changes={planned.changes} />
            <Button variant="contained" color="warning" sx={{ mt: 2 }} onClick={() => run(planned.input, false)}>
              {translate('app.restructure.confirm')}
            </Button>
          </CardContent>
        </Card>
      )}
      {applied && (
        <Card sx={{ mt: 2 }}>
          <CardContent>
            <Alert severity="success">{translate('app.restructure.applied', { id: applied.id, count: applied.count })}</Alert>
          </CardContent>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ px: 2, pb: 2 }}>
            {[dayBefore(applied.date), applied.date].map((date, i) => (
              <Box key={date} sx={{ flex: 1 }} data-testid={i === 0 ? 'tree-before' : 'tree-after'}>
                <Typography variant="subtitle2">{translate(i === 0 ? 'app.restructure.tree_before' : 'app.restructure.tree_after', { date: formatDate(date) })}</Typography>
                <OrgTree asOf={date} storeKey={`restructure.tree.${i}`} />
              </Box>
            ))}
          </Stack>
        </Card>
      )}
    </Box>
  );
};
