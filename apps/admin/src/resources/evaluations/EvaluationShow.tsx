/**
 * One evaluation: who is rated, where it stands, the entered values with the points and the trace computed as they
 * are typed, and the steps the user may take (submit, appraise, decide, re-rate). A refused step shows what the
 * refusal carries (the quota's numbers, the evaluations to decide first); the history lists every recorded step.
 */
import { evaluate, type SubjectInputs } from '@dangbo/rating-engine';
import { Alert, Box, Chip, Paper, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, Loading, Title, useCreatePath, useNotify, useParams, usePermissions, useTranslate } from 'react-admin';
import type { Level } from '@dangbo/shared-types';
import { enumLabel } from '../../common/choices';
import { ResultView, TraceList } from '../criteria-sets/ResultView';
import { LEVEL_COLORS } from '../criteria-sets/preview';
import { fetchEvaluation, fetchPeriod, rerateEvaluation, takeStep, type EvaluationRecord, type Step } from './api';
import { EvaluationInputs } from './EvaluationInputs';
import { RefusalAlert } from './RefusalAlert';
import { StageHistory } from './StageHistory';
import { StepBar } from './StepBar';
import { availableSteps, changedValues, lockedFor } from './steps';
import { useEvaluationSet } from './useEvaluationSet';
import { useRefusableRun } from './useRefusableRun';
import { SectionHeading } from '../../common/SectionHeading';

const inputsOf = (ev: EvaluationRecord): SubjectInputs => ({ scores: ev.scores ?? {}, checks: ev.checks ?? {}, facts: ev.facts ?? {}, metrics: ev.metrics ?? {} });

export const EvaluationShow = () => {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const createPath = useCreatePath();
  const queryClient = useQueryClient();
  const { permissions } = usePermissions<string[]>();
  const evaluation = useQuery({ queryKey: ['evaluation', id], queryFn: () => fetchEvaluation(id), retry: false });
  const ev = evaluation.data;
  const period = useQuery({ queryKey: ['ratingPeriod', ev?.periodId], queryFn: () => fetchPeriod(String(ev?.periodId)), enabled: !!ev });
  const { definition, compiled } = useEvaluationSet(ev?.criteriaSetId);
  const [inputs, setInputs] = useState<SubjectInputs | null>(null);
  const { busy, refusal, run } = useRefusableRun();

  // A fresh read of the evaluation (after a step, or another tab's) replaces what was typed.
  useEffect(() => setInputs(ev ? inputsOf(ev) : null), [ev]);
  const live = useMemo(() => (compiled && inputs ? evaluate(compiled, inputs) : null), [compiled, inputs]);

  if (evaluation.isPending) return <Loading />;
  if (!ev || !inputs) return <Alert severity="warning">{evaluation.error instanceof Error ? evaluation.error.message : translate('ra.notification.item_doesnt_exist')}</Alert>;

  const locked = lockedFor(period.data, ev);
  const steps = availableSteps(ev, permissions ?? [], locked);
  // Any open step may change the values (a decision too: the committee may correct a point before deciding).
  const editable = steps.some((s) => !s.blocked);

  const done = (saved: EvaluationRecord, message: string) => {
    queryClient.setQueryData(['evaluation', id], saved);
    queryClient.invalidateQueries({ queryKey: ['Evaluation'] });
    notify(message, { type: 'success' });
  };
  const onStep = (step: Step, level: Level | null, reason: string | null) =>
    run(async () => {
      const saved = await takeStep(step, {
        id: ev.id,
        version: ev.version,
        scores: changedValues(ev.scores, inputs.scores),
        checks: changedValues(ev.checks, inputs.checks),
        facts: changedValues(ev.facts, inputs.facts),
        level,
        reason,
      });
      done(saved, `app.rating.done.${step}`);
    });
  const onRerate = (level: Level, reason: string) =>
    run(async () => {
      done(await rerateEvaluation({ id: ev.id, version: ev.version, level, reason }), 'app.rating.done.rerate');
    });

  const engineLevel = (live?.engineLevel ?? ev.engineLevel) as Level | null;
  return (
    <Box sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title={ev.subjectName} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between' }}>
          <Box>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
              {ev.subjectName}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate(enumLabel('SubjectKind', ev.subjectKind))}
              {' · '}
              {ev.unit?.name ?? ''}
              {' · '}
              {translate('app.rating.decided_by', { unit: ev.decidingUnit?.name ?? ev.decidingUnitId })}
            </Typography>
          </Box>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
            <Chip data-testid="evaluation-stage" label={translate(enumLabel('EvaluationStage', ev.stage))} color={ev.stage === 'DECIDED' ? 'success' : 'default'} />
            {ev.status !== 'ACTIVE' && <Chip label={translate(enumLabel('EvaluationStatus', ev.status))} color="warning" />}
            {ev.level && <Chip data-testid="evaluation-level" label={translate(enumLabel('Level', ev.level))} color={LEVEL_COLORS[ev.level]} sx={{ fontWeight: 700 }} />}
            {locked && <Chip data-testid="period-locked" label={translate('app.rating.locked')} color="error" variant="outlined" />}
          </Stack>
        </Stack>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate('app.rating.engine_level')}
          {': '}
          <b>{ev.engineLevel ? translate(enumLabel('Level', ev.engineLevel)) : '—'}</b>
          {' · '}
          {translate('app.rating.proposed_level')}
          {': '}
          <b>{ev.proposedLevel ? translate(enumLabel('Level', ev.proposedLevel)) : '—'}</b>
          {' · '}
          <Link to={createPath({ resource: 'Evaluation', type: 'list' })}>{translate('app.rating.back_to_list')}</Link>
        </Typography>
      </Paper>

      <StepBar steps={steps} stage={ev.stage} engineLevel={engineLevel} proposedLevel={ev.proposedLevel} busy={busy} onStep={onStep} onRerate={onRerate} canRerate={ev.viewerCanRerate === true && !locked} />
      {refusal ? <RefusalAlert error={refusal} /> : null}

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(340px, 5fr) 7fr' }, gap: 2, alignItems: 'start' }}>
        <EvaluationInputs definition={definition} inputs={inputs} onInputs={setInputs} readOnly={!editable || busy} />
        <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }} component="section" aria-label={translate('app.rating.result')}>
          <SectionHeading title="app.rating.result" />
          {definition && live ? (
            <ResultView definition={definition} result={live} />
          ) : (
            <>
              <Typography variant="body2">
                {translate('app.criteria.preview.total')}
                {': '}
                <b>{ev.total ?? '—'}</b>
              </Typography>
              <TraceList trace={ev.trace ?? []} />
            </>
          )}
        </Paper>
      </Box>
      <StageHistory stages={ev.stages ?? []} />
    </Box>
  );
};
