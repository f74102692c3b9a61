/**
 * The rating's results for a period under a unit (`ratingSummary`): the counts of every level by subject kind and
 * by child unit as stacked bars, and the same numbers with their shares as tables under each chart.
 */
import DescriptionIcon from '@mui/icons-material/Description';
import TableViewIcon from '@mui/icons-material/TableView';
import { Alert, Box, Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Form, Loading, SelectInput, Title, useGetList, useTranslate } from 'react-admin';
import { enumLabel } from '../common/choices';
import { UnitReferenceInput } from '../common/UnitReferenceInput';
import { useNotifiedRun } from '../common/useBusyRun';
import { downloadFile } from '../pages/reports/fileApi';
import { defaultUnitId } from '../pages/rating/PeriodPanel';
import { fetchSummary, type SummaryGroup } from '../resources/evaluations/api';
import { LEVEL_CHART_COLORS, levelSeries, shareText } from './series';
import { SectionHeading } from '../common/SectionHeading';

const Watcher = ({ onChange }: { onChange: (v: { periodId?: string; unitId?: string }) => void }) => {
  const { periodId, unitId } = useWatch() as { periodId?: string; unitId?: string };
  useEffect(() => onChange({ periodId, unitId }), [periodId, unitId, onChange]);
  return null;
};

const LevelChart = ({ title, groups, labelOf }: { title: string; groups: SummaryGroup[]; labelOf: (g: SummaryGroup) => string }) => {
  const translate = useTranslate();
  const heading = translate(title);
  const series = levelSeries(groups);
  const labels = groups.map(labelOf);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={heading}>
      <SectionHeading title={title} />
      {groups.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.rating.summary.no_data')}
        </Typography>
      ) : (
        <>
          <Box role="figure" aria-label={heading}>
            <BarChart
              layout="horizontal"
              height={Math.max(160, 70 + groups.length * 36)}
              margin={{ left: 8, right: 24 }}
              yAxis={[{ scaleType: 'band', data: labels, width: 240 }]}
              series={series.map((s) => ({ data: s.counts, label: translate(enumLabel('Level', s.level)), stack: 'levels', color: LEVEL_CHART_COLORS[s.level] }))}
            />
          </Box>
          <Table size="small" aria-label={heading}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.rating.summary.group')}</TableCell>
                <TableCell align="right">{translate('app.rating.summary.total')}</TableCell>
                <TableCell align="right">{translate('app.rating.summary.decided')}</TableCell>
                {series.map((s) => (
                  <TableCell key={s.level} align="right">
                    {translate(enumLabel('Level', s.level))}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {groups.map((g, i) => (
                <TableRow key={g.key} data-testid={`summary-${g.key}`}>
                  <TableCell>{labels[i]}</TableCell>
                  <TableCell align="right">{g.total}</TableCell>
                  <TableCell align="right">{g.decided}</TableCell>
                  {series.map((s) => (
                    <TableCell key={s.level} align="right">
                      {`${s.counts[i]} (${shareText(s.shares[i])})`}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Paper>
  );
};

/** The report of the chosen period and unit as Word (Party layout) or Excel (totals and the list of subjects). */
const ReportButtons = ({ periodId, unitId }: { periodId: string; unitId: string }) => {
  const translate = useTranslate();
  const { busy, run } = useNotifiedRun();
  const download = (format: 'docx' | 'xlsx') =>
    run(async () => {
      const q = new URLSearchParams({ periodId, unitId, format });
      await downloadFile(`/reports/rating?${q}`, `ket-qua-xep-loai.${format}`);
    });
  return (
    <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
      <Button variant="outlined" startIcon={<DescriptionIcon />} disabled={busy} onClick={() => download('docx')}>
        {translate('app.rating.summary.download_docx')}
      </Button>
      <Button variant="outlined" startIcon={<TableViewIcon />} disabled={busy} onClick={() => download('xlsx')}>
        {translate('app.rating.summary.download_xlsx')}
      </Button>
    </Stack>
  );
};

export const RatingDashboard = () => {
  const translate = useTranslate();
  const periods = useGetList('RatingPeriod', { sort: { field: 'id', order: 'DESC' }, pagination: { page: 1, perPage: 50 } });
  const [where, setWhere] = useState<{ periodId?: string; unitId?: string }>({});
  const summary = useQuery({
    queryKey: ['ratingSummary', where.periodId, where.unitId],
    queryFn: () => fetchSummary(String(where.periodId), String(where.unitId)),
    enabled: !!where.periodId && !!where.unitId,
    retry: false,
  });
  const choices = (periods.data ?? []).map((p) => ({ id: String(p.id), name: String(p.name) }));
  const s = summary.data;
  return (
    <Box sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title="app.rating.summary.title" />
      <Paper variant="outlined" sx={{ p: 2 }}>
        {!periods.isPending && (
          <Form defaultValues={{ periodId: choices[0]?.id, unitId: defaultUnitId('') || undefined }}>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
              <SelectInput source="periodId" label="app.rating.period_label" choices={choices} sx={{ minWidth: 220 }} />
              <UnitReferenceInput source="unitId" label="app.rating.summary.unit" sx={{ minWidth: 320 }} />
            </Stack>
            <Watcher onChange={setWhere} />
          </Form>
        )}
        {s && (
          <Typography variant="body1" data-testid="summary-totals">
            {translate('app.rating.summary.totals', { total: s.total, decided: s.decided })}
            {s.levels.map((l) => ` · ${translate(enumLabel('Level', l.level))}: ${l.count} (${shareText(l.share)})`).join('')}
          </Typography>
        )}
        {s && where.periodId && where.unitId && <ReportButtons periodId={where.periodId} unitId={where.unitId} />}
      </Paper>
      {summary.isFetching && !s && <Loading />}
      {summary.error ? <Alert severity="warning">{(summary.error as Error).message}</Alert> : null}
      {s && (
        <>
          <LevelChart title="app.rating.summary.by_kind" groups={s.bySubjectKind} labelOf={(g) => (g.subjectKind ? translate(enumLabel('SubjectKind', g.subjectKind)) : g.label)} />
          <LevelChart title="app.rating.summary.by_unit" groups={s.byChildUnit} labelOf={(g) => g.label} />
        </>
      )}
    </Box>
  );
};
