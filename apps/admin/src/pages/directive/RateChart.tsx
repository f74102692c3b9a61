import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslate } from 'react-admin';
import { SectionHeading } from '../../common/SectionHeading';

export interface RateBar {
  key: string;
  label: string;
  part: number;
  whole: number;
  /** 0..100, or null when nothing was expected. */
  percent: number | null;
  text: string;
}

/**
 * Rates as horizontal bars (0–100 %), each labelled with its text the way the report writes it, then the same figures
 * as a table: a reader of the screen (or a clerk copying into the report) never has to read them off the bars.
 */
export const RateChart = ({ title, bars, partLabel, wholeLabel }: { title: string; bars: RateBar[]; partLabel: string; wholeLabel: string }) => {
  const translate = useTranslate();
  const heading = translate(title);
  return (
    <Box component="section" sx={{ mb: 3 }}>
      <SectionHeading title={title} />
      {bars.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.directive.no_data')}
        </Typography>
      ) : (
        <>
          <Box role="figure" aria-label={heading} sx={{ width: '100%' }}>
            <BarChart
              layout="horizontal"
              height={Math.max(140, 48 + bars.length * 34)}
              margin={{ left: 8, right: 56 }}
              yAxis={[{ scaleType: 'band', data: bars.map((b) => b.label), width: 220 }]}
              xAxis={[{ min: 0, max: 100, valueFormatter: (v: number | null) => `${v ?? 0}%` }]}
              series={[
                {
                  data: bars.map((b) => b.percent ?? 0),
                  label: heading,
                  barLabel: (item) => bars[item.dataIndex]?.text ?? null,
                  barLabelPlacement: 'outside',
                  valueFormatter: (_v: number | null, { dataIndex }: { dataIndex: number }) => bars[dataIndex]?.text ?? '',
                },
              ]}
              hideLegend
            />
          </Box>
          <Table size="small" aria-label={heading}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.directive.name')}</TableCell>
                <TableCell align="right">{translate(partLabel)}</TableCell>
                <TableCell align="right">{translate(wholeLabel)}</TableCell>
                <TableCell align="right">{translate('app.directive.rate')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {bars.map((b) => (
                <TableRow key={b.key} data-testid={`rate-${b.key}`}>
                  <TableCell>{b.label}</TableCell>
                  <TableCell align="right">{b.part}</TableCell>
                  <TableCell align="right">{b.whole}</TableCell>
                  <TableCell align="right" sx={{ fontWeight: 600 }}>
                    {b.text}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </Box>
  );
};
