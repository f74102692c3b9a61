/**
 * The directive page: pick a directive (a document of type CT), a unit and a window; see what implements it, its
 * figures as the report writes them, and three charts: attendance at each conference, attendance at each cell's
 * meetings in the window (the rate the rating uses), and outreach per organisation.
 */
import { Alert, Box, Card, CardContent, Chip, Divider, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Form, Link, Loading, SelectInput, Title, useCreatePath, useDataProvider, useGetList, useTranslate } from 'react-admin';
import { formatDate, todayIso } from '@dangbo/vn';
import { DateInput } from '../../common/DateInput';
import { UnitReferenceInput } from '../../common/UnitReferenceInput';
import { fetchCellAttendance, fetchReport, unitStandingOn, type ReportDocument, type Window } from './api';
import { DirectiveFigures } from './DirectiveFigures';
import { RateChart, type RateBar } from './RateChart';
import { rateOf, ratio } from './rates';
import { SectionHeading } from '../../common/SectionHeading';

/** A Document record as this page lists it: the fields the report reads too, and the unit that keeps it. */
interface DocumentRow extends ReportDocument {
  ownerUnitId: string;
}

const DOC_FIELDS = ['id', 'number', 'typeName', 'title', 'issuedOn', 'issuerName', 'ownerUnitId'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reports the form's values upward (only when they change). A new directive resets the window start to its own and
 * the unit to the one standing for its owner on the window's last day (standing.ts): the owner itself for its own
 * years, its successor once it has ended in a reorganisation. While the unit is the page's choice, a new last day
 * chooses again; a unit the user picked stays until the directive changes.
 */
const Watcher = ({ directives, onChange }: { directives: DocumentRow[]; onChange: (w: Partial<Window>) => void }) => {
  const { documentId, unitId, from, to } = useWatch() as Partial<Window>;
  const { setValue, getValues } = useFormContext();
  const lastDocument = useRef<string | undefined>(undefined);
  const chosen = useRef<string | undefined>(undefined);
  const day = ISO.test(to ?? '') ? (to as string) : null;
  useEffect(() => {
    const doc = directives.find((d) => d.id === documentId);
    if (!doc || !day) return;
    const newDocument = documentId !== lastDocument.current;
    lastDocument.current = documentId;
    if (newDocument) setValue('from', doc.issuedOn);
    else if (getValues('unitId') !== chosen.current) return;
    let current = true;
    unitStandingOn(doc.ownerUnitId, day)
      .catch(() => doc.ownerUnitId)
      .then((id) => {
        if (!current) return;
        chosen.current = id;
        setValue('unitId', id);
      });
    return () => {
      current = false;
    };
  }, [documentId, day, directives, setValue, getValues]);
  useEffect(() => onChange({ documentId, unitId, from, to }), [documentId, unitId, from, to, onChange]);
  return null;
};

const complete = (w: Partial<Window>): w is Window => !!w.documentId && !!w.unitId && ISO.test(w.from ?? '') && ISO.test(w.to ?? '') && (w.from ?? '') <= (w.to ?? '');

/** The cells that held meetings in the window, and the unit's own cells, with their names. */
function useCells(w: Window | null) {
  const dataProvider = useDataProvider();
  return useQuery({
    enabled: !!w,
    queryKey: ['directiveCells', w?.unitId, w?.from, w?.to],
    queryFn: async () => {
      const { unitId, from, to } = w as Window;
      const [meetings, children] = await Promise.all([
        dataProvider.getList('Activity', {
          filter: { unitId, kind: 'CELL_MEETING', heldFrom: from, heldTo: to },
          pagination: { page: 1, perPage: 1000 },
          sort: { field: 'heldOn', order: 'ASC' },
          meta: { sparseFields: ['id', 'unitId', { organiser: ['id', 'name'] }] },
        }),
        dataProvider.getList('OrgUnit', {
          // The unit's cells on the window's last day (an ended unit has none today).
          filter: { parentId: unitId, kinds: ['CELL', 'GRASSROOTS_CELL'], asOf: to },
          pagination: { page: 1, perPage: 200 },
          sort: { field: 'name', order: 'ASC' },
          meta: { sparseFields: ['id', 'name'] },
        }),
      ]);
      const names = new Map<string, string>(children.data.map((u) => [String(u.id), String(u.name)]));
      for (const m of meetings.data) if (m.organiser) names.set(String(m.unitId), String(m.organiser.name));
      const metrics = await fetchCellAttendance([...names.keys()], from, to);
      return [...names].map(([id, name]) => ({ id, name, ...(metrics.get(id) ?? { meetings: 0, present: 0, expected: 0 }) }));
    },
  });
}

export const DirectivePage = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const directives = useGetList<DocumentRow>('Document', {
    filter: { typeCode: 'CT' },
    sort: { field: 'issuedOn', order: 'DESC' },
    pagination: { page: 1, perPage: 100 },
    meta: { sparseFields: DOC_FIELDS },
  });
  const [values, setValues] = useState<Partial<Window>>({});
  const w = complete(values) ? values : null;
  const directive = directives.data?.find((d) => d.id === values.documentId);
  const implementing = useGetList<DocumentRow>(
    'Document',
    { filter: { implementsId: values.documentId }, sort: { field: 'issuedOn', order: 'ASC' }, pagination: { page: 1, perPage: 100 }, meta: { sparseFields: [...DOC_FIELDS, 'recipientCount'] } },
    { enabled: !!values.documentId },
  );
  const report = useQuery({ enabled: !!w, queryKey: ['directiveReport', w], queryFn: () => fetchReport(w as Window), retry: false });
  const cells = useCells(w);

  const conferenceBars = useMemo<RateBar[]>(
    () =>
      (report.data?.conferences ?? []).map((c) => ({
        key: `conference-${c.activityId}`,
        label: `${formatDate(c.heldOn)} · ${c.title}`,
        part: c.attendance.part,
        whole: c.attendance.whole,
        percent: c.attendance.rate,
        text: c.attendance.text,
      })),
    [report.data],
  );
  const cellBars = useMemo<RateBar[]>(
    () =>
      (cells.data ?? [])
        .filter((c) => c.meetings > 0)
        .map((c) => {
          const r = ratio(c.present, c.expected);
          return { key: `cell-${c.id}`, label: c.name, part: c.present, whole: c.expected, percent: r === null ? null : Math.round(r * 10000) / 100, text: rateOf(c.present, c.expected) };
        }),
    [cells.data],
  );
  const outreachBars = useMemo<RateBar[]>(() => {
    if (!report.data) return [];
    const lines = [...report.data.outreachMassOrgs.byUnit, ...report.data.outreachPeople.byUnit.map((l) => ({ ...l, unitName: translate('app.directive.people_of', { name: l.unitName }) }))];
    return lines.map((l) => ({ key: `outreach-${l.unitId}-${l.unitName}`, label: l.unitName, part: l.reached.part, whole: l.reached.whole, percent: l.reached.rate, text: l.reached.text }));
  }, [report.data, translate]);

  if (directives.isPending) return <Loading />;
  const choices = (directives.data ?? []).map((d) => ({ id: d.id, name: `${d.number} — ${d.title}` }));
  const first = directives.data?.[0];
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.directive.title" />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          {choices.length === 0 ? (
            <Alert severity="info">{translate('app.directive.no_directive')}</Alert>
          ) : (
            <Form defaultValues={{ documentId: first?.id, from: first?.issuedOn, to: todayIso() }}>
              <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
                <SelectInput source="documentId" label="app.directive.directive" choices={choices} sx={{ minWidth: 360 }} />
                <UnitReferenceInput source="unitId" label="app.directive.unit" asOf={ISO.test(values.to ?? '') ? values.to : undefined} sx={{ minWidth: 320 }} />
                <DateInput source="from" label="app.directive.from" />
                <DateInput source="to" label="app.directive.to" />
              </Stack>
              <Watcher directives={directives.data ?? []} onChange={setValues} />
            </Form>
          )}
          {directive && (
            <Box sx={{ mt: 1 }}>
              <Typography variant="h6" component="h1">
                {translate('app.directive.heading', { number: directive.number, type: directive.typeName, issuer: directive.issuerName, date: formatDate(directive.issuedOn) })}
              </Typography>
              <Typography variant="body1">{directive.title}</Typography>
              <Typography variant="subtitle2" sx={{ mt: 1 }}>
                {translate('app.directive.implemented_by')}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
                {(implementing.data ?? []).length === 0 && <Typography variant="body2">{translate('app.common.none')}</Typography>}
                {(implementing.data ?? []).map((d) => (
                  <Chip
                    key={d.id}
                    component={Link}
                    clickable
                    to={createPath({ resource: 'Document', id: d.id, type: 'show' })}
                    label={translate('app.directive.implementing_doc', { number: d.number, type: d.typeName, date: formatDate(d.issuedOn), count: d.recipientCount ?? 0 })}
                  />
                ))}
              </Stack>
            </Box>
          )}
        </CardContent>
      </Card>
      {w && (
        <Card>
          <CardContent>
            <SectionHeading title="app.directive.figures" />
            {report.isPending ? <Loading /> : report.error ? <Alert severity="warning">{(report.error as Error).message}</Alert> : report.data && <DirectiveFigures report={report.data} />}
            <Divider sx={{ my: 2 }} />
            <RateChart title="app.directive.chart_conferences" bars={conferenceBars} partLabel="app.directive.present" wholeLabel="app.directive.expected" />
            {cells.isPending ? (
              <Loading />
            ) : cells.error ? (
              <Alert severity="warning">{(cells.error as Error).message}</Alert>
            ) : (
              <RateChart title="app.directive.chart_cells" bars={cellBars} partLabel="app.directive.present" wholeLabel="app.directive.expected" />
            )}
            <RateChart title="app.directive.chart_outreach" bars={outreachBars} partLabel="app.directive.reached" wholeLabel="app.directive.head_count" />
          </CardContent>
        </Card>
      )}
    </Box>
  );
};
