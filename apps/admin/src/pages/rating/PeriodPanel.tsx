/**
 * Running a rating period over a unit: open it (one evaluation per rated subject), recompute it (newcomers and fresh
 * metrics of the undecided), lock it, and reopen a lock with a reason. Opening and recomputing are server jobs:
 * the page shows their progress bar and stays usable. Without DECIDE the buttons are not offered.
 */
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, Box, Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Form, ReferenceField, RecordContextProvider, useNotify, usePermissions, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { readSession } from '../../providers/authProvider';
import { fetchJobs, fetchPeriod, lockPeriod, reopenPeriod, startJob, type PeriodState } from '../../resources/evaluations/api';
import { ReasonDialog } from '../../resources/evaluations/ReasonDialog';
import { RefusalAlert } from '../../resources/evaluations/RefusalAlert';
import { useRefusableRun } from '../../resources/evaluations/useRefusableRun';
import { JobProgress } from './JobProgress';
import { SectionHeading } from '../../common/SectionHeading';

/** The unit the user decides for (a DECIDER's unit), else the period's own unit. */
export function defaultUnitId(periodUnitId: string): string {
  const roles = readSession()?.user.roles ?? [];
  return String(roles.find((r) => r.role === 'DECIDER')?.unitId ?? (roles.some((r) => r.role === 'SYSTEM_ADMIN') ? periodUnitId : (roles[0]?.unitId ?? periodUnitId)));
}

/** Reports the picked unit upward (setState is stable, so this runs only when the unit changes). */
const UnitWatcher = ({ onChange }: { onChange: (unitId: string | null) => void }) => {
  const unitId = useWatch({ name: 'unitId' }) as string | null | undefined;
  useEffect(() => onChange(unitId ?? null), [unitId, onChange]);
  return null;
};

export const PeriodPanel = ({ periodId }: { periodId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { permissions } = usePermissions<string[]>();
  const canDecide = (permissions ?? []).includes('DECIDE');
  const period = useQuery({ queryKey: ['ratingPeriod', periodId], queryFn: () => fetchPeriod(periodId) });
  const jobs = useQuery({ queryKey: ['ratingJobs', periodId], queryFn: () => fetchJobs(periodId) });
  const [unitId, setUnitId] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [reopening, setReopening] = useState<string | null>(null);
  const { busy, refusal, run } = useRefusableRun();

  if (!period.data) return period.error ? <RefusalAlert error={period.error} /> : null;
  const p = period.data;
  const activeLocks = p.locks.filter((l) => !l.reopenedAt);

  const updated = (next: PeriodState, message: string) => {
    queryClient.setQueryData(['ratingPeriod', periodId], next);
    queryClient.invalidateQueries({ queryKey: ['RatingPeriod'] });
    notify(message, { type: 'success' });
  };
  const job = (kind: 'open' | 'recompute') =>
    run(async () => {
      const started = await startJob(kind, periodId, unitId);
      setJobId(started.id);
    });

  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }} component="section" aria-label={translate('app.rating.period.title')}>
      <SectionHeading title="app.rating.period.title" />
      <Typography variant="body2" data-testid="period-lock-state">
        {p.lockedAt ? translate('app.rating.period.locked_whole') : activeLocks.length ? translate('app.rating.period.locked_units', { smart_count: activeLocks.length }) : translate('app.rating.period.open')}
      </Typography>
      {canDecide && (
        <>
          {/* Its own record: inside the period's page the form would otherwise start from the period (its unitId). */}
          <Form record={{ unitId: defaultUnitId(p.unitId) }}>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
              <UnitReferenceInput source="unitId" label="app.rating.period.unit" sx={{ minWidth: 320 }} helperText="app.rating.period.unit_help" />
              <UnitWatcher onChange={setUnitId} />
              <Button variant="contained" startIcon={<PlayArrowIcon />} disabled={busy || !unitId} onClick={() => job('open')}>
                {translate('app.rating.period.open_action')}
              </Button>
              <Button variant="outlined" startIcon={<RefreshIcon />} disabled={busy || !unitId} onClick={() => job('recompute')}>
                {translate('app.rating.period.recompute_action')}
              </Button>
              <Button variant="outlined" color="error" startIcon={<LockIcon />} disabled={busy || !unitId} onClick={() => run(async () => updated(await lockPeriod(periodId, unitId), 'app.rating.period.locked_done'))}>
                {translate('app.rating.period.lock_action')}
              </Button>
            </Stack>
          </Form>
          {jobId && (
            <JobProgress
              jobId={jobId}
              onFinished={(j) => {
                queryClient.invalidateQueries({ queryKey: ['ratingJobs', periodId] });
                queryClient.invalidateQueries({ queryKey: ['Evaluation'] });
                notify(j.state === 'DONE' ? 'app.rating.job.done' : 'app.rating.job.failed', { type: j.state === 'DONE' ? 'success' : 'error' });
              }}
            />
          )}
        </>
      )}
      {refusal ? <RefusalAlert error={refusal} /> : null}

      <Box>
        <Typography variant="subtitle2" component="h3" sx={{ fontWeight: 700 }}>
          {translate('app.rating.period.locks')}
        </Typography>
        {p.locks.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.rating.period.no_locks')}
          </Typography>
        ) : (
          <Table size="small" aria-label={translate('app.rating.period.locks')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.rating.period.unit')}</TableCell>
                <TableCell>{translate('app.rating.period.locked_by')}</TableCell>
                <TableCell>{translate('app.rating.period.reopened_by')}</TableCell>
                <TableCell>{translate('app.rating.reason')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {p.locks.map((l) => (
                <TableRow key={l.id} data-testid={`lock-${l.id}`}>
                  <TableCell>
                    <RecordContextProvider value={l}>
                      <ReferenceField source="unitId" reference="OrgUnit" link={false} />
                    </RecordContextProvider>
                  </TableCell>
                  <TableCell>{`${l.lockedBy} · ${new Date(l.lockedAt).toLocaleString('vi-VN')}`}</TableCell>
                  <TableCell>{l.reopenedAt ? `${l.reopenedBy ?? ''} · ${new Date(l.reopenedAt).toLocaleString('vi-VN')}` : ''}</TableCell>
                  <TableCell>{l.reopenReason ?? ''}</TableCell>
                  <TableCell align="right">
                    {canDecide && !l.reopenedAt && (
                      <Button size="small" startIcon={<LockOpenIcon />} disabled={busy} onClick={() => setReopening(l.unitId)}>
                        {translate('app.rating.period.reopen_action')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
      {(jobs.data ?? []).length > 0 && (
        <Box>
          <Typography variant="subtitle2" component="h3" sx={{ fontWeight: 700 }}>
            {translate('app.rating.job.history')}
          </Typography>
          {(jobs.data ?? []).slice(0, 5).map((j) => (
            <Typography key={j.id} variant="body2">
              {translate(`app.rating.job.${j.kind}`)}
              {' · '}
              {translate(`enums.RatingJobState.${j.state}`)}
              {' · '}
              {translate('app.rating.job.counts', { processed: j.processed, total: j.total ?? '?', created: j.created, percent: Math.round(j.progress * 100) })}
            </Typography>
          ))}
        </Box>
      )}
      {!canDecide && <Alert severity="info">{translate('app.rating.period.decider_only')}</Alert>}
      <ReasonDialog
        open={reopening !== null}
        title="app.rating.period.reopen_title"
        text="app.rating.period.reopen_text"
        confirm="app.rating.period.reopen_action"
        onClose={() => setReopening(null)}
        onConfirm={(reason) => {
          const unit = reopening;
          setReopening(null);
          void run(async () => updated(await reopenPeriod(periodId, unit, reason), 'app.rating.period.reopened_done'));
        }}
      />
    </Paper>
  );
};
