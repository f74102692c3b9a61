import { Role } from '@dangbo/shared-types';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { RecordContextProvider, ReferenceField, useTranslate } from 'react-admin';
import { enumLabel } from '../../common/choices';
import { formatDateTime } from '../../common/dateTime';
import { diffRows, displayValue, prettyJson } from './diff';

const cellSx = { fontSize: 14, whiteSpace: 'pre-wrap', wordBreak: 'break-word', verticalAlign: 'top', width: '40%' } as const;
/**
 * Monospace for ids and keys only: common monospace fonts stack Vietnamese tone marks badly, so values and the raw
 * JSON (which hold Vietnamese text) use the body font.
 */
const MONO = 'Consolas, "Courier New", "Liberation Mono", monospace';
const rawSx = { fontFamily: MONO, fontSize: 12 } as const;

/** Unit ids of a record (`unitId`, `parentId`, `cellId`) are shown by the unit's name. */
const UNIT_KEYS = new Set(['unitId', 'parentId', 'cellId']);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A value in words where the panel knows how (a role, a unit, an instant, yes/no), its raw form below it. */
const ReadableValue = ({ name, value }: { name: string; value: unknown }) => {
  const translate = useTranslate();
  let readable: ReactNode = null;
  if (name === 'role' && typeof value === 'string' && (Object.values(Role) as string[]).includes(value)) readable = translate(enumLabel('Role', value));
  else if (UNIT_KEYS.has(name) && (typeof value === 'number' || typeof value === 'string')) {
    readable = (
      <RecordContextProvider value={{ id: `${name}-${value}`, [name]: String(value) }}>
        <ReferenceField source={name} reference="OrgUnit" link="show" />
      </RecordContextProvider>
    );
  } else if (typeof value === 'string' && ISO_INSTANT.test(value)) readable = formatDateTime(value, true);
  else if (typeof value === 'boolean') readable = translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
  const text = displayValue(value);
  if (readable === null) return <Box component="span">{text}</Box>;
  return (
    <>
      <Box component="span">{readable}</Box>
      <Typography component="div" variant="caption" color="text.secondary" sx={rawSx}>
        {text}
      </Typography>
    </>
  );
};

/** One cell of a side: a value that is gone is tinted red, a new one green; an absent value reads "(trống)". */
const ValueCell = ({ name, value, changed, side }: { name: string; value: unknown; changed: boolean; side: 'before' | 'after' }) => {
  const translate = useTranslate();
  const absent = value === undefined || value === null || value === '';
  const bg = changed && !absent ? (side === 'before' ? 'rgba(211, 47, 47, 0.08)' : 'rgba(46, 125, 50, 0.10)') : undefined;
  return (
    <TableCell sx={{ ...cellSx, bgcolor: bg }}>
      {absent ? (
        <Typography component="span" variant="body2" color="text.secondary">
          {translate('app.audit.empty_value')}
        </Typography>
      ) : (
        <ReadableValue name={name} value={value} />
      )}
    </TableCell>
  );
};

/**
 * `before` and `after` side by side, field by field, the changed values tinted (red the old, green the new); field
 * names and values in words where the panel knows them (the raw value stays below). The raw JSON of both sides
 * follows, also side by side.
 */
export const JsonDiff = ({ entity, before, after }: { entity: string; before?: string | null; after?: string | null }) => {
  const translate = useTranslate();
  const rows = diffRows(before, after);
  if (!rows.length) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.audit.no_data')}
      </Typography>
    );
  }
  return (
    <Box sx={{ width: '100%' }}>
      <Table size="small" aria-label={translate('app.audit.changes')} sx={{ tableLayout: 'fixed' }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: '20%' }}>{translate('app.audit.field')}</TableCell>
            <TableCell sx={{ width: '40%' }}>{translate('app.audit.before')}</TableCell>
            <TableCell sx={{ width: '40%' }}>{translate('app.audit.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key} data-changed={row.changed}>
              <TableCell sx={{ verticalAlign: 'top', fontWeight: row.changed ? 700 : 400 }}>
                {row.key ? translate(`resources.${entity}.fields.${row.key}`, { _: row.key }) : ''}
                {row.key && (
                  <Typography component="div" variant="caption" color="text.secondary" sx={{ fontFamily: MONO }}>
                    {row.key}
                  </Typography>
                )}
              </TableCell>
              <ValueCell name={row.key} value={row.before} changed={row.changed} side="before" />
              <ValueCell name={row.key} value={row.after} changed={row.changed} side="after" />
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 3, mb: 1 }}>
        {translate('app.audit.raw')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        {[
          ['app.audit.before', before],
          ['app.audit.after', after],
        ].map(([label, text]) => (
          <Box key={label} component="figure" sx={{ m: 0 }}>
            <Typography component="figcaption" variant="caption" color="text.secondary">
              {translate(label as string)}
            </Typography>
            <Box
              component="pre"
              sx={{ m: 0, p: 1.5, bgcolor: 'grey.100', borderRadius: 1, fontFamily: 'inherit', fontSize: 13, tabSize: 2, overflowX: 'auto', minHeight: 40, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
            >
              {prettyJson(text as string | null) || translate('app.audit.empty_value')}
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
};
