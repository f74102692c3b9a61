import EditNoteIcon from '@mui/icons-material/EditNote';
import { Box, Button, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { CriteriaSetDefinition, CriterionDefinition } from '@dangbo/rating-engine';
import { CriterionKind } from '@dangbo/shared-types';
import type { ReactNode } from 'react';
import { LinkBase, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { DateField } from '../../common/DateField';
import { EnumChipField } from '../../common/EnumChipField';
import { NumberField } from '../../common/NumberField';
import { KindIcon } from '../criteria/KindIcon';
import { formatNumber } from '../criteria/problems';
import { subjectKindChoices } from './choices';
import { setFields, STATUS_COLORS, type CriteriaSetRecord } from './types';

const showFields = () => [...setFields(), 'definition'];

/** Everyone who may read the set may open the editor: it is read-only for them, with the preview. */
const ShowActions = () => {
  const translate = useTranslate();
  const record = useRecordContext<CriteriaSetRecord>();
  if (!record) return null;
  return (
    <TopToolbar>
      <Button component={LinkBase} to={`/CriteriaSet/${record.id}`} variant="contained" startIcon={<EditNoteIcon />}>
        {translate('app.criteria.show.open_editor')}
      </Button>
    </TopToolbar>
  );
};

/** A set at a glance, as it would be printed: its data, its criteria with maxima and formulas, and its rules. */
export const CriteriaSetShow = () => (
  <Show actions={<ShowActions />} queryOptions={{ meta: { sparseFields: showFields() } }}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="unit.name" label="resources.CriteriaSet.fields.unitId" />
      <ReferenceField source="periodId" reference="RatingPeriod" link={false} />
      <SelectField source="subjectKind" choices={subjectKindChoices} />
      <EnumChipField source="status" enumName="CriteriaSetStatus" colors={STATUS_COLORS} />
      <NumberField source="revision" />
      <DateField source="publishedAt" />
      <DefinitionView label="resources.CriteriaSet.fields.definition" />
    </SimpleShowLayout>
  </Show>
);

const DefinitionView = (_props: { label?: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const record = useRecordContext<CriteriaSetRecord>();
  const def = record?.definition as CriteriaSetDefinition | undefined;
  if (!def) return null;
  const rows: { c: CriterionDefinition; depth: number }[] = [];
  const walk = (list: readonly CriterionDefinition[] | undefined, depth: number) =>
    (list ?? []).forEach((c) => {
      rows.push({ c, depth });
      if (c.kind === CriterionKind.GROUP) walk(c.children, depth + 1);
    });
  walk(def.items, 0);
  const n = (x: number) => formatNumber(x, locale);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, width: '100%' }}>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.Criterion.fields.name')}</TableCell>
            <TableCell>{translate('resources.Criterion.fields.code')}</TableCell>
            <TableCell>{translate('resources.Criterion.fields.kind')}</TableCell>
            <TableCell align="right">{translate('resources.Criterion.fields.max')}</TableCell>
            <TableCell>{translate('resources.Criterion.fields.formula')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ c, depth }) => (
            <TableRow key={c.code} sx={{ bgcolor: c.kind === CriterionKind.GROUP ? '#fcfaf8' : undefined }}>
              <TableCell sx={{ pl: 2 + depth * 3, fontWeight: c.kind === CriterionKind.GROUP ? 700 : 400 }}>
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                  <KindIcon kind={c.kind} />
                  {c.name}
                </Box>
              </TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{c.code}</TableCell>
              <TableCell>{translate(`enums.CriterionKind.${c.kind}`)}</TableCell>
              <TableCell align="right">{n(c.max)}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 12.5, maxWidth: 420, wordBreak: 'break-word' }}>{c.formula ?? ''}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell colSpan={3} sx={{ fontWeight: 700 }}>
              {translate('resources.CriteriaSet.fields.totalMax')}
            </TableCell>
            <TableCell align="right" sx={{ fontWeight: 700 }}>
              {n(def.totalMax)}
            </TableCell>
            <TableCell />
          </TableRow>
        </TableBody>
      </Table>
      <Rules title="app.criteria.rules.bands">
        {def.bands.map((b, i) => (
          <Line key={i}>
            <Chip size="small" label={translate(`enums.Level.${b.level}`)} />
            {translate('app.criteria.show.band_line', { min: n(b.min) })}
          </Line>
        ))}
      </Rules>
      <Rules title="app.criteria.rules.gates">
        {def.gates.map((g, i) => (
          <Line key={i}>
            <Chip size="small" label={translate(`enums.Level.${g.level}`)} />
            <Code>{g.expression}</Code>
            <span>{g.message}</span>
          </Line>
        ))}
      </Rules>
      <Rules title="app.criteria.rules.downgrades">
        {def.downgrades.map((d, i) => (
          <Line key={i}>
            <Code>{d.expression}</Code>
            <span>{d.message}</span>
          </Line>
        ))}
      </Rules>
      <Rules title="app.criteria.rules.quota">
        <Line>
          {translate('app.criteria.show.quota_line', {
            share: n((def.quota?.share ?? 0) * 100),
            outstanding: n((def.quota?.outstandingShare ?? 0) * 100),
          })}
        </Line>
      </Rules>
    </Box>
  );
};

const Rules = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="subtitle2" component="h2" sx={{ fontWeight: 700, color: 'primary.dark', mb: 0.5 }}>
        {translate(title)}
      </Typography>
      <Box sx={{ display: 'grid', gap: 0.5 }}>{children}</Box>
    </Box>
  );
};

const Line = ({ children }: { children: ReactNode }) => (
  <Typography component="div" variant="body2" sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
    {children}
  </Typography>
);

const Code = ({ children }: { children: ReactNode }) => (
  <Box component="code" sx={{ fontFamily: 'monospace', fontSize: 12.5, bgcolor: '#f3f4f6', px: 0.75, py: 0.25, borderRadius: 0.5 }}>
    {children}
  </Box>
);
