import { Box, Button, CircularProgress, MenuItem, Paper, TextField, Tooltip, Typography } from '@mui/material';
import { Level } from '@dangbo/shared-types';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { enumLabel } from '../../common/choices';
import type { EvaluationStage, Step } from './api';
import { ReasonDialog } from './ReasonDialog';
import { needsReason, type StepAvailability } from './steps';

const LEVELS = Object.values(Level);

/**
 * The level to propose or decide (the engine's by default) and one button per step the session may take; a
 * decision at another level than the engine's, and a re-rating, first ask for the reason.
 */
export const StepBar = ({
  steps,
  stage,
  engineLevel,
  proposedLevel,
  busy,
  canRerate,
  onStep,
  onRerate,
}: {
  steps: StepAvailability[];
  stage: EvaluationStage;
  engineLevel: Level | null;
  proposedLevel: Level | null;
  busy: boolean;
  canRerate: boolean;
  onStep: (step: Step, level: Level | null, reason: string | null) => void;
  onRerate: (level: Level, reason: string) => void;
}) => {
  const translate = useTranslate();
  // The appraisal's proposal is what the committee decides on, unless it picks another level.
  const initial = stage === 'APPRAISED' || stage === 'DECIDED' ? (proposedLevel ?? engineLevel) : null;
  const [level, setLevel] = useState<Level | ''>(initial ?? '');
  useEffect(() => setLevel(initial ?? ''), [initial]);
  const [asking, setAsking] = useState<'decide' | 'rerate' | null>(null);
  const chosen = level === '' ? null : level;

  if (steps.length === 0 && !canRerate) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.rating.no_step')}
      </Typography>
    );
  }
  const click = (step: Step) => {
    if (needsReason(step, chosen, engineLevel)) setAsking('decide');
    else onStep(step, chosen, null);
  };
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }} component="section" aria-label={translate('app.rating.steps')}>
      <TextField
        select
        size="small"
        label={translate('app.rating.level_to_record')}
        value={level}
        onChange={(e) => setLevel(e.target.value as Level | '')}
        sx={{ minWidth: 300 }}
        helperText={translate('app.rating.level_help', { level: engineLevel ? translate(enumLabel('Level', engineLevel)) : '—' })}
      >
        <MenuItem value="">{translate('app.rating.engine_default')}</MenuItem>
        {LEVELS.map((l) => (
          <MenuItem key={l} value={l}>
            {translate(enumLabel('Level', l))}
          </MenuItem>
        ))}
      </TextField>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {steps.map((s) => (
          <Tooltip key={s.step} title={s.blocked ? translate(s.blocked) : ''}>
            <span>
              <Button variant={s.blocked ? 'outlined' : 'contained'} disabled={!!s.blocked || busy} onClick={() => click(s.step)} startIcon={busy ? <CircularProgress size={16} /> : undefined}>
                {translate(`app.rating.action.${s.step}`)}
              </Button>
            </span>
          </Tooltip>
        ))}
        {canRerate && (
          <Button variant="outlined" color="warning" disabled={busy || !chosen} onClick={() => setAsking('rerate')}>
            {translate('app.rating.action.rerate')}
          </Button>
        )}
      </Box>
      <ReasonDialog
        open={asking !== null}
        title={asking === 'rerate' ? 'app.rating.rerate_title' : 'app.rating.override_title'}
        text={asking === 'rerate' ? 'app.rating.rerate_text' : 'app.rating.override_text'}
        confirm={asking === 'rerate' ? 'app.rating.action.rerate' : 'app.rating.action.decide'}
        onClose={() => setAsking(null)}
        onConfirm={(reason) => {
          const what = asking;
          setAsking(null);
          if (what === 'rerate' && chosen) onRerate(chosen, reason);
          else onStep('decide', chosen, reason);
        }}
      />
    </Paper>
  );
};
