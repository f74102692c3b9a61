/**
 * The deciding committee's screen: for a period and the unit that decides, every peer group with its xuất sắc
 * quota in use, and the evaluations of the chosen group, decided one by one or in bulk. The quota bars are read
 * again after each decision, so the committee sees the quota fill as it decides.
 */
import { Alert, Box, Button, Checkbox, MenuItem, Paper, Radio, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { Level } from '@dangbo/shared-types';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Form, Link, SelectInput, Title, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { enumLabel } from '../../common/choices';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { fetchQuota, LIST_FIELDS, takeStep, type EvaluationRecord } from '../../resources/evaluations/api';
import { RefusalAlert } from '../../resources/evaluations/RefusalAlert';
import { defaultUnitId } from './PeriodPanel';
import { QuotaBar } from './QuotaBar';
import { SectionHeading } from '../../common/SectionHeading';

type Outcome = { ok: true } | { ok: false; error: unknown };

const Watcher = ({ onChange }: { onChange: (v: { periodId?: string; unitId?: string }) => void }) => {
  const { periodId, unitId } = useWatch() as { periodId?: string; unitId?: string };
  useEffect(() => onChange({ periodId, unitId }), [periodId, unitId, onChange]);
  return null;
};

export const DecisionPage = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const queryClient = useQueryClient();
  const periods = useGetList('RatingPeriod', { sort: { field: 'id', order: 'DESC' }, pagination: { page: 1, perPage: 50 } });
  const [where, setWhere] = useState<{ periodId?: string; unitId?: string }>({});
  const [group, setGroup] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkLevel, setBulkLevel] = useState<Level | ''>('');
  const [reason, setReason] = useState('');
  const [outcomes, setOutcomes] = useState<Map<string, Outcome>>(new Map());
  const [busy, setBusy] = useState(false);
  const { periodId, unitId } = where;

  const quota = useQuery({ queryKey: ['quota', periodId, unitId], queryFn: () => fetchQuota(String(periodId), String(unitId)), enabled: !!periodId && !!unitId, retry: false });
  const rows = useGetList<EvaluationRecord & { id: string }>(
    'Evaluation',
    { filter: { periodId, decidingUnitId: unitId, peerGroup: group, status: 'ACTIVE' }, sort: { field: 'id', order: 'ASC' }, pagination: { page: 1, perPage: 500 }, meta: { sparseFields: LIST_FIELDS } },
    { enabled: !!periodId && !!unitId && !!group },
  );
  useEffect(() => {
    setSelected(new Set());
    setOutcomes(new Map());
  }, [group, periodId, unitId]);
  const decidable = useMemo(() => (rows.data ?? []).filter((r) => r.stage === 'APPRAISED' || r.stage === 'DECIDED'), [rows.data]);
  const firstRefusal = [...outcomes.values()].find((o): o is { ok: false; error: unknown } => !o.ok);

  const decideSelected = async () => {
    setBusy(true);
    const next = new Map<string, Outcome>();
    // One at a time, in the list's order: each decision is checked against the quota as the previous ones left it.
    for (const r of decidable.filter((x) => selected.has(String(x.id)))) {
      const level = (bulkLevel || r.proposedLevel || r.engineLevel) as Level | null;
      try {
        await takeStep('decide', { id: String(r.id), version: r.version, level, reason: reason.trim() || null });
        next.set(String(r.id), { ok: true });
      } catch (error) {
        next.set(String(r.id), { ok: false, error });
      }
      setOutcomes(new Map(next));
    }
    setBusy(false);
    setSelected(new Set());
    await Promise.all([quota.refetch(), rows.refetch()]);
    queryClient.invalidateQueries({ queryKey: ['Evaluation'] });
  };

  const periodChoices = (periods.data ?? []).map((p) => ({ id: String(p.id), name: String(p.name) }));
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  return (
    <Box sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title="app.rating.decide.title" />
      <Paper variant="outlined" sx={{ p: 2 }}>
        {periods.isPending ? null : (
          <Form defaultValues={{ periodId: periodChoices[0]?.id, unitId: defaultUnitId('') || undefined }}>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
              <SelectInput source="periodId" label="app.rating.period_label" choices={periodChoices} sx={{ minWidth: 220 }} />
              <UnitReferenceInput source="unitId" label="app.rating.decide.deciding_unit" sx={{ minWidth: 320 }} />
            </Stack>
            <Watcher onChange={setWhere} />
          </Form>
        )}
      </Paper>

      {quota.error ? <RefusalAlert error={quota.error} /> : null}
      {quota.data && (
        <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={translate('app.rating.decide.groups')}>
          <SectionHeading title="app.rating.decide.groups" />
          {quota.data.length === 0 && <Alert severity="info">{translate('app.rating.decide.no_groups')}</Alert>}
          <Table size="small" aria-label={translate('app.rating.decide.groups')}>
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox" />
                <TableCell>{translate('app.rating.decide.group')}</TableCell>
                <TableCell align="right">{translate('app.rating.decide.subjects')}</TableCell>
                <TableCell align="right">{translate('app.rating.decide.undecided')}</TableCell>
                <TableCell>{translate('app.rating.decide.quota')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {quota.data.map((g) => (
                <TableRow key={g.peerGroup} hover selected={g.peerGroup === group} onClick={() => setGroup(g.peerGroup)} sx={{ cursor: 'pointer' }}>
                  <TableCell padding="checkbox">
                    <Radio checked={g.peerGroup === group} slotProps={{ input: { 'aria-label': translate(enumLabel('SubjectKind', g.subjectKind)) } }} />
                  </TableCell>
                  <TableCell>{translate(enumLabel('SubjectKind', g.subjectKind))}</TableCell>
                  <TableCell align="right">{g.subjects}</TableCell>
                  <TableCell align="right">{g.undecided}</TableCell>
                  <TableCell>
                    <QuotaBar group={g} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}

      {group && (
        <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }} component="section" aria-label={translate('app.rating.decide.members')}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
            <SectionHeading title="app.rating.decide.members" sx={{ flex: 1 }} />
            <TextField select size="small" label={translate('app.rating.decide.bulk_level')} value={bulkLevel} onChange={(e) => setBulkLevel(e.target.value as Level | '')} sx={{ minWidth: 280 }}>
              <MenuItem value="">{translate('app.rating.decide.as_proposed')}</MenuItem>
              {Object.values(Level).map((l) => (
                <MenuItem key={l} value={l}>
                  {translate(enumLabel('Level', l))}
                </MenuItem>
              ))}
            </TextField>
            <TextField size="small" label={translate('app.rating.reason')} value={reason} onChange={(e) => setReason(e.target.value)} sx={{ minWidth: 240 }} />
            <Button variant="contained" disabled={busy || selected.size === 0} onClick={() => void decideSelected()}>
              {translate('app.rating.decide.bulk_action', { smart_count: selected.size })}
            </Button>
          </Stack>
          {firstRefusal && <RefusalAlert error={firstRefusal.error} />}
          <Table size="small" aria-label={translate('app.rating.decide.members')}>
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={decidable.length > 0 && selected.size === decidable.length}
                    indeterminate={selected.size > 0 && selected.size < decidable.length}
                    onChange={(e) => setSelected(e.target.checked ? new Set(decidable.map((r) => String(r.id))) : new Set())}
                    slotProps={{ input: { 'aria-label': translate('app.rating.decide.select_all') } }}
                  />
                </TableCell>
                <TableCell>{translate('resources.Evaluation.fields.subjectName')}</TableCell>
                <TableCell>{translate('resources.Evaluation.fields.stage')}</TableCell>
                <TableCell>{translate('resources.Evaluation.fields.engineLevel')}</TableCell>
                <TableCell>{translate('resources.Evaluation.fields.proposedLevel')}</TableCell>
                <TableCell>{translate('resources.Evaluation.fields.level')}</TableCell>
                <TableCell>{translate('app.rating.decide.outcome')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(rows.data ?? []).map((r) => {
                const id = String(r.id);
                const outcome = outcomes.get(id);
                const canPick = r.stage === 'APPRAISED' || r.stage === 'DECIDED';
                return (
                  <TableRow key={id} data-testid={`decide-row-${id}`}>
                    <TableCell padding="checkbox">
                      <Checkbox disabled={!canPick} checked={selected.has(id)} onChange={() => toggle(id)} slotProps={{ input: { 'aria-label': r.subjectName } }} />
                    </TableCell>
                    <TableCell>
                      <Link to={createPath({ resource: 'Evaluation', id, type: 'show' })}>{r.subjectName}</Link>
                    </TableCell>
                    <TableCell>{translate(enumLabel('EvaluationStage', r.stage))}</TableCell>
                    <TableCell>{r.engineLevel ? translate(enumLabel('Level', r.engineLevel)) : '—'}</TableCell>
                    <TableCell>{r.proposedLevel ? translate(enumLabel('Level', r.proposedLevel)) : '—'}</TableCell>
                    <TableCell sx={{ fontWeight: 600 }}>{r.level ? translate(enumLabel('Level', r.level)) : '—'}</TableCell>
                    <TableCell sx={{ color: outcome && !outcome.ok ? 'error.main' : 'success.main' }}>
                      {outcome ? (outcome.ok ? translate('app.rating.decide.ok') : outcome.error instanceof Error ? outcome.error.message : '') : ''}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Paper>
      )}
    </Box>
  );
};
