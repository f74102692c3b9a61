/**
 * One meeting's attendance sheet: every member expected on the meeting's date, present unless marked absent, with a
 * reason for each absence; saved whole in one request. Keyboard only: Tab moves between a row's box and its reason
 * (the reason opens only for the absent), Space toggles, ↑/↓ move between rows, Enter on the last row or Ctrl+S
 * saves. A sheet saved meanwhile by someone else (CONFLICT) keeps the marks on screen and says what to do.
 */
import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Button, Card, CardContent, Checkbox, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useRef, useState, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import { Link, Loading, Title, useCreatePath, useDataProvider, useGetOne, useNotify, useParams, useTranslate } from 'react-admin';
import { formatDate } from '@dangbo/vn';
import { rateOf } from '../../pages/directive/rates';
import { fetchExpected, saveSheet } from './api';
import { countPresent, entriesOf, initialRows, missingReasons, rowOfField, toggled, wasSaved, withReason, type SheetRow } from './sheet';

interface ActivityRecord {
  id: string;
  title: string;
  heldOn: string;
  unitId: string;
  version: number;
  audience: string;
}

const cellOf = (i: number, col: 'present' | 'reason') => `[data-row="${i}"][data-col="${col}"]`;

interface RowProps {
  index: number;
  row: SheetRow;
  last: boolean;
  error?: string;
  onToggle: (i: number) => void;
  onReason: (i: number, reason: string) => void;
  onKey: (e: KeyboardEvent<HTMLElement>, i: number, col: 'present' | 'reason', last: boolean) => void;
}

const Row = memo(function Row({ index, row, last, error, onToggle, onReason, onKey }: RowProps) {
  const translate = useTranslate();
  return (
    <TableRow hover selected={!row.present}>
      <TableCell sx={{ width: 48, color: 'text.secondary' }}>{index + 1}</TableCell>
      <TableCell sx={{ fontWeight: 500 }}>{row.fullName}</TableCell>
      <TableCell padding="checkbox" sx={{ width: 120 }}>
        <Checkbox
          checked={row.present}
          onChange={() => onToggle(index)}
          onKeyDown={(e) => onKey(e, index, 'present', last)}
          slotProps={{ input: { 'aria-label': translate('app.attendance.present_of', { name: row.fullName }), 'data-row': index, 'data-col': 'present' } as InputHTMLAttributes<HTMLInputElement> }}
        />
        <Typography component="span" variant="body2" color={row.present ? 'success.main' : 'error.main'}>
          {translate(row.present ? 'app.attendance.present' : 'app.attendance.absent')}
        </Typography>
      </TableCell>
      <TableCell>
        <TextField
          size="small"
          fullWidth
          disabled={row.present}
          value={row.present ? '' : row.reason}
          error={!!error}
          helperText={error}
          placeholder={row.present ? undefined : translate('app.attendance.reason_placeholder')}
          onChange={(e) => onReason(index, e.target.value)}
          onKeyDown={(e) => onKey(e, index, 'reason', last)}
          slotProps={{ htmlInput: { 'aria-label': translate('app.attendance.reason_of', { name: row.fullName }), 'data-row': index, 'data-col': 'reason', maxLength: 500 } }}
        />
      </TableCell>
    </TableRow>
  );
});

export const AttendanceSheet = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const notify = useNotify();
  const createPath = useCreatePath();
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const activity = useGetOne<ActivityRecord>('Activity', { id });
  const expected = useQuery({ queryKey: ['expectedAttendees', id], queryFn: () => fetchExpected(id), refetchOnWindowFocus: false });
  const [rows, setRows] = useState<SheetRow[] | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const tableRef = useRef<HTMLDivElement>(null);

  // The sheet is set once from what the server holds; later refetches never overwrite the clerk's marks.
  useEffect(() => {
    if (expected.data && rows === null) setRows(initialRows(expected.data));
  }, [expected.data, rows]);
  useEffect(() => {
    if (activity.data && version === null) setVersion(activity.data.version);
  }, [activity.data, version]);

  const focus = useCallback((i: number, col: 'present' | 'reason') => {
    const el = tableRef.current?.querySelector<HTMLInputElement>(cellOf(i, col));
    if (el && !el.disabled) el.focus();
    else tableRef.current?.querySelector<HTMLInputElement>(cellOf(i, 'present'))?.focus();
  }, []);

  // The first box takes the focus: the clerk starts typing at once.
  const loaded = rows !== null && rows.length > 0;
  useEffect(() => {
    if (loaded) focus(0, 'present');
  }, [loaded, focus]);

  const onToggle = useCallback((i: number) => {
    setRows((r) => (r ? toggled(r, i) : r));
    setErrors((e) => (i in e ? Object.fromEntries(Object.entries(e).filter(([k]) => Number(k) !== i)) : e));
  }, []);
  const onReason = useCallback((i: number, reason: string) => setRows((r) => (r ? withReason(r, i, reason) : r)), []);

  const save = useCallback(
    async (atVersion?: number) => {
      if (!rows || saving) return;
      const useVersion = atVersion ?? version;
      if (useVersion === null) return;
      const missing = missingReasons(rows);
      if (missing.length) {
        setErrors(Object.fromEntries(missing.map((i) => [i, translate('app.attendance.reason_required')])));
        focus(missing[0], 'reason');
        return;
      }
      setSaving(true);
      setErrors({});
      try {
        const saved = await saveSheet(id, entriesOf(rows), useVersion);
        setVersion(saved.version);
        setConflict(false);
        // What was read before the save is stale now: the activity's version, and the rates built on the marks.
        for (const key of ['Activity', 'Attendance', 'directiveCells', 'directiveReport']) void queryClient.invalidateQueries({ queryKey: [key] });
        notify('app.attendance.saved', { type: 'success', messageArgs: { present: countPresent(rows), total: rows.length } });
      } catch (error) {
        const body = (error as { status?: number; body?: { code?: string; field?: string } }).body;
        if (body?.code === 'CONFLICT') {
          setConflict(true);
        } else {
          const row = rowOfField(body?.field);
          if (row !== null) {
            setErrors({ [row]: (error as Error).message });
            focus(row, 'reason');
          }
          notify((error as Error).message || 'ra.notification.http_error', { type: 'error' });
        }
      } finally {
        setSaving(false);
      }
    },
    [rows, saving, version, id, translate, focus, notify, queryClient],
  );

  // Ctrl+S saves from anywhere on the screen (and never opens the browser's "save page").
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const onKey = useCallback(
    (e: KeyboardEvent<HTMLElement>, i: number, col: 'present' | 'reason', last: boolean) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = i + (e.key === 'ArrowDown' ? 1 : -1);
        if (next >= 0 && rows && next < rows.length) focus(next, col);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        if (last) void saveRef.current();
        else focus(i + 1, col);
      } else if (col === 'present' && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
        // ← marks absent, → marks present: the same as Space, but without having to look.
        e.preventDefault();
        const present = e.key === 'ArrowRight';
        if (rows && rows[i].present !== present) onToggle(i);
      }
    },
    [rows, focus, onToggle],
  );

  // After a CONFLICT: take the version now stored and save these marks over it (the clerk chose to).
  const overwrite = async () => {
    const { data } = await dataProvider.getOne<ActivityRecord>('Activity', { id });
    setVersion(data.version);
    await save(data.version);
  };
  const reload = async () => {
    const [fresh, { data }] = await Promise.all([fetchExpected(id), dataProvider.getOne<ActivityRecord>('Activity', { id })]);
    setRows(initialRows(fresh));
    setVersion(data.version);
    setConflict(false);
    setErrors({});
  };

  if (activity.isPending || expected.isPending || (expected.data && rows === null)) return <Loading />;
  if (activity.error || expected.error || !activity.data || !rows) {
    return <Alert severity="error">{(expected.error as Error | null)?.message ?? translate('app.attendance.load_error')}</Alert>;
  }
  const present = countPresent(rows);
  const record = activity.data;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.attendance.title" />
      <CardContent>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', mb: 1 }}>
          <Box>
            <Typography variant="h6" component="h1">
              {translate('app.attendance.heading', { title: record.title })}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('app.attendance.held_on', { date: formatDate(record.heldOn) })}
              {' · '}
              <Link to={createPath({ resource: 'Activity', id, type: 'show' })}>{translate('app.attendance.back')}</Link>
            </Typography>
          </Box>
          <Typography variant="h6" component="p" aria-live="polite" data-testid="attendance-summary">
            {translate('app.attendance.summary', { present, total: rows.length, absent: rows.length - present, rate: rateOf(present, rows.length) })}
          </Typography>
        </Stack>
        {!wasSaved(expected.data ?? []) && rows.length > 0 && <Alert severity="info" sx={{ mb: 1 }}>{translate('app.attendance.not_saved_yet')}</Alert>}
        {conflict && (
          <Alert
            severity="error"
            sx={{ mb: 1 }}
            action={
              <Stack direction="row" spacing={1}>
                <Button color="inherit" size="small" onClick={() => void overwrite()}>
                  {translate('app.attendance.overwrite')}
                </Button>
                <Button color="inherit" size="small" onClick={() => void reload()}>
                  {translate('app.attendance.reload')}
                </Button>
              </Stack>
            }
          >
            {translate('app.attendance.conflict')}
          </Alert>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.attendance.keys')}
        </Typography>
        {rows.length === 0 ? (
          <Alert severity="info">{translate('app.attendance.nobody')}</Alert>
        ) : (
          <Box ref={tableRef}>
            <Table size="small" aria-label={translate('app.attendance.title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.attendance.number')}</TableCell>
                  <TableCell>{translate('resources.Attendance.fields.memberId')}</TableCell>
                  <TableCell>{translate('resources.Attendance.fields.present')}</TableCell>
                  <TableCell>{translate('resources.Attendance.fields.absenceReason')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row, i) => (
                  <Row key={row.memberId} index={i} row={row} last={i === rows.length - 1} error={errors[i]} onToggle={onToggle} onReason={onReason} onKey={onKey} />
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
        <Box sx={{ mt: 2, display: 'flex', gap: 2, alignItems: 'center' }}>
          <Button variant="contained" startIcon={<SaveIcon />} disabled={saving || rows.length === 0} onClick={() => void save()}>
            {translate('app.attendance.save')}
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
};
