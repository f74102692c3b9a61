import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslate } from 'react-admin';
import { fetchJob, type RatingJob } from '../../resources/evaluations/api';

const running = (job: RatingJob | undefined) => !job || job.state === 'QUEUED' || job.state === 'RUNNING';

/**
 * A bulk job's progress, polled every second while it is queued or running: the page stays usable (the job runs
 * on the server, off the request path) and shows how far it has come; `onFinished` fires once when it ends.
 */
export const JobProgress = ({ jobId, onFinished }: { jobId: string; onFinished?: (job: RatingJob) => void }) => {
  const translate = useTranslate();
  const job = useQuery({ queryKey: ['ratingJob', jobId], queryFn: () => fetchJob(jobId), refetchInterval: (q) => (running(q.state.data) ? 1000 : false) });
  const data = job.data;
  const finished = !!data && !running(data);
  useEffect(() => {
    if (finished && data) onFinished?.(data);
    // Only the transition to finished matters (a new onFinished each render must not fire it again).
  }, [finished]);
  if (job.error) return <Alert severity="error">{(job.error as Error).message}</Alert>;
  if (!data) return <LinearProgress aria-label={translate('app.rating.job.progress')} />;
  const percent = Math.round(data.progress * 100);
  return (
    <Box data-testid="job-progress" data-state={data.state}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {translate(`app.rating.job.${data.kind}`)}
        {': '}
        {translate(`enums.RatingJobState.${data.state}`)}
        {' · '}
        {translate('app.rating.job.counts', { processed: data.processed, total: data.total ?? '?', created: data.created, percent })}
      </Typography>
      <LinearProgress
        variant={data.state === 'QUEUED' || (data.state === 'RUNNING' && data.total === null) ? 'indeterminate' : 'determinate'}
        value={percent}
        color={data.state === 'FAILED' ? 'error' : data.state === 'DONE' ? 'success' : 'primary'}
        aria-label={translate('app.rating.job.progress')}
        sx={{ height: 10, borderRadius: 1, mt: 0.5 }}
      />
      {data.error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {data.error}
        </Alert>
      )}
    </Box>
  );
};
