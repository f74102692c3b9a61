/**
 * What a unit was made of and what it became (the OrgEvent log's lineage rows): "thành lập ngày 01/07/2025 từ …",
 * each predecessor or successor a link to its own page, named as it was on the day of the event.
 */
import { Box, Stack, Typography } from '@mui/material';
import { formatDate } from '@dangbo/vn';
import { Link, useCreatePath, useRecordContext, useTranslate } from 'react-admin';

interface LineageRow {
  id: string;
  effectiveDate: string;
  type: string;
  predecessor?: { id: string; name: string } | null;
  successor?: { id: string; name: string } | null;
}

/** The show page asks for these (sparse fields). */
export const LINEAGE_FIELDS = [
  { predecessors: ['id', 'effectiveDate', 'type', { predecessor: ['id', 'name'] }] },
  { successors: ['id', 'effectiveDate', 'type', { successor: ['id', 'name'] }] },
];

/** Rows grouped by date, so one event reads as one sentence. */
function byDate(rows: LineageRow[]): [string, LineageRow[]][] {
  const out = new Map<string, LineageRow[]>();
  for (const r of rows) out.set(r.effectiveDate, [...(out.get(r.effectiveDate) ?? []), r]);
  return [...out];
}

const Units = ({ units }: { units: { id: string; name: string }[] }) => {
  const createPath = useCreatePath();
  return (
    <Stack direction="row" sx={{ gap: 1, flexWrap: "wrap" }}>
      {units.map((u) => (
        <Link key={u.id} to={createPath({ resource: 'OrgUnit', id: u.id, type: 'show' })}>
          {u.name}
        </Link>
      ))}
    </Stack>
  );
};

export const LineagePanel = () => {
  const record = useRecordContext<{ predecessors?: LineageRow[]; successors?: LineageRow[] }>();
  const translate = useTranslate();
  const before = record?.predecessors ?? [];
  const after = record?.successors ?? [];
  return (
    <Box data-testid="unit-lineage">
      <Typography variant="subtitle2">{translate('app.lineage.title')}</Typography>
      {before.length === 0 && after.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.lineage.none')}
        </Typography>
      )}
      {byDate(before).map(([date, rows]) => (
        <Box key={`p${date}`} sx={{ mt: 1 }}>
          <Typography variant="body2">{translate('app.lineage.formed', { date: formatDate(date) })}</Typography>
          <Units units={rows.flatMap((r) => (r.predecessor ? [r.predecessor] : []))} />
        </Box>
      ))}
      {byDate(after).map(([date, rows]) => (
        <Box key={`s${date}`} sx={{ mt: 1 }}>
          <Typography variant="body2">{translate('app.lineage.became', { date: formatDate(date) })}</Typography>
          <Units units={rows.flatMap((r) => (r.successor ? [r.successor] : []))} />
        </Box>
      ))}
    </Box>
  );
};
