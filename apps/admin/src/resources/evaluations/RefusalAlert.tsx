import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import { ErrorCode } from '@dangbo/shared-types';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { ApiError } from '../criteria-sets/api';
import { enumLabel } from '../../common/choices';

interface Blocker {
  id: string;
  subjectName: string;
  stage: string;
  rule: string;
}

const percent = (share: unknown) => `${Math.round(Number(share) * 1000) / 10}`.replace('.', ',');

/**
 * A refused step in the server's words, plus what the refusal carries: the quota's numbers (QUOTA_EXCEEDED) or
 * the evaluations that must be decided first (an ORDER refusal), each a link to its evaluation.
 */
export const RefusalAlert = ({ error }: { error: unknown }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const message = error instanceof Error ? error.message : translate('ra.notification.http_error');
  if (!(error instanceof ApiError)) return <Alert severity="error">{message}</Alert>;
  const x = error.extensions;
  if (error.code === ErrorCode.QUOTA_EXCEEDED) {
    return (
      <Alert severity="error" data-testid="quota-refusal">
        <AlertTitle>{translate('app.rating.refusal.quota_title')}</AlertTitle>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {translate('app.rating.refusal.quota_numbers', { used: x.used ?? 0, allowed: x.allowed ?? 0, base: x.base ?? 0, share: percent(x.share) })}
        </Typography>
        <Typography variant="body2">{message}</Typography>
      </Alert>
    );
  }
  const blockers = Array.isArray(x.mustComeFirst) ? (x.mustComeFirst as Blocker[]) : [];
  if (x.reason === 'ORDER' && blockers.length) {
    return (
      <Alert severity="error" data-testid="order-refusal">
        <AlertTitle>{translate('app.rating.refusal.order_title', { smart_count: blockers.length })}</AlertTitle>
        <Typography variant="body2">{message}</Typography>
        <Box component="ul" sx={{ m: 0, mt: 1, pl: 2.5 }} aria-label={translate('app.rating.refusal.must_come_first')}>
          {blockers.map((b) => (
            <li key={`${b.rule}-${b.id}`}>
              <Link to={createPath({ resource: 'Evaluation', id: b.id, type: 'show' })}>{b.subjectName}</Link>
              {' — '}
              {translate(enumLabel('EvaluationStage', b.stage))}
              {' · '}
              {translate(`app.rating.order_rule.${b.rule}`)}
            </li>
          ))}
        </Box>
      </Alert>
    );
  }
  return <Alert severity="error">{message}</Alert>;
};
