import { Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { enumLabel } from '../../common/choices';
import { formatNumber } from '../criteria/problems';
import type { StageRecord } from './api';
import { SectionHeading } from '../../common/SectionHeading';

/** Every recorded step, oldest first: a re-rating adds a line and the decision before it stays. */
export const StageHistory = ({ stages }: { stages: StageRecord[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const level = (l: string | null) => (l ? translate(enumLabel('Level', l)) : '—');
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={translate('app.rating.history')}>
      <SectionHeading title="app.rating.history" />
      {stages.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.rating.no_history')}
        </Typography>
      ) : (
        <Table size="small" aria-label={translate('app.rating.history')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.rating.stage_kind')}</TableCell>
              <TableCell>{translate('app.rating.actor')}</TableCell>
              <TableCell>{translate('app.rating.at')}</TableCell>
              <TableCell align="right">{translate('app.criteria.preview.total')}</TableCell>
              <TableCell>{translate('app.rating.engine_level')}</TableCell>
              <TableCell>{translate('app.rating.recorded_level')}</TableCell>
              <TableCell>{translate('app.rating.reason')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {stages.map((s) => (
              <TableRow key={s.id} data-testid={`stage-${s.kind}`}>
                <TableCell>{translate(enumLabel('EvaluationStageKind', s.kind))}</TableCell>
                <TableCell>{s.actor}</TableCell>
                <TableCell>{new Date(s.createdAt).toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN')}</TableCell>
                <TableCell align="right">{formatNumber(s.total, locale)}</TableCell>
                <TableCell>{level(s.engineLevel)}</TableCell>
                <TableCell sx={{ fontWeight: 600 }}>{level(s.proposedLevel)}</TableCell>
                <TableCell>{s.reason ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
};
