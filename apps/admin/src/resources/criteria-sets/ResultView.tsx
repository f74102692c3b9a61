/**
 * The engine's result for one subject: total and level, the points of every criterion with group subtotals, the
 * errors, and the trace (how the level came about). Shown by the criteria set's preview and by an evaluation.
 */
import GavelIcon from '@mui/icons-material/Gavel';
import RuleIcon from '@mui/icons-material/Rule';
import SouthIcon from '@mui/icons-material/South';
import SummarizeOutlinedIcon from '@mui/icons-material/SummarizeOutlined';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { Alert, Box, Chip, Divider, Typography } from '@mui/material';
import type { CriteriaSetDefinition, CriterionDefinition, Evaluation } from '@dangbo/rating-engine';
import { CriterionKind, Level } from '@dangbo/shared-types';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { KindIcon } from '../criteria/KindIcon';
import { formatNumber } from '../criteria/problems';
import { LEVEL_COLORS } from './preview';

export interface TraceLine {
  kind: string;
  code?: string | null;
  message: string;
}

export type Result = Pick<Evaluation, 'points' | 'groups' | 'total' | 'bandLevel' | 'level' | 'errors'> & { trace: TraceLine[] };

const TRACE_ICONS: Record<string, ReactNode> = {
  band: <SummarizeOutlinedIcon fontSize="small" color="info" />,
  gate: <RuleIcon fontSize="small" color="warning" />,
  downgrade: <SouthIcon fontSize="small" color="error" />,
  override: <GavelIcon fontSize="small" />,
  total: <TaskAltIcon fontSize="small" color="success" />,
};

export const ResultView = ({ definition, result }: { definition: CriteriaSetDefinition; result: Result }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const level = result.level as Level | null;
  const num = (x: number | null | undefined) => formatNumber(x ?? null, locale);
  const rows: { c: CriterionDefinition; depth: number }[] = [];
  const walk = (list: readonly CriterionDefinition[] | undefined, depth: number) =>
    (list ?? []).forEach((c) => {
      rows.push({ c, depth });
      if (c.kind === CriterionKind.GROUP) walk(c.children, depth + 1);
    });
  walk(definition.items, 0);
  return (
    <>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'auto 1fr' }, gap: 2, alignItems: 'center', p: 2, borderRadius: 1, bgcolor: '#f7f3ef' }}>
        <Box sx={{ textAlign: 'center', minWidth: 140 }}>
          <Typography variant="overline" color="text.secondary">
            {translate('app.criteria.preview.total')}
          </Typography>
          <Typography data-testid="preview-total" sx={{ fontSize: 34, fontWeight: 800, lineHeight: 1.1, fontVariantNumeric: 'tabular-nums' }}>
            {result.total === null ? '—' : num(result.total)}
            <Box component="span" sx={{ fontSize: 16, color: 'text.secondary', fontWeight: 600 }}>
              {' / '}
              {num(definition.totalMax)}
            </Box>
          </Typography>
        </Box>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.75 }}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2" color="text.secondary" sx={{ minWidth: 110 }}>
              {translate('app.criteria.preview.level')}
            </Typography>
            {level ? (
              <Chip data-testid="preview-level" color={LEVEL_COLORS[level]} label={translate(`enums.Level.${level}`)} sx={{ fontWeight: 700 }} />
            ) : (
              <Typography variant="body2">{translate('app.criteria.preview.no_level')}</Typography>
            )}
          </Box>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2" color="text.secondary" sx={{ minWidth: 110 }}>
              {translate('app.criteria.preview.band_level')}
            </Typography>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {result.bandLevel ? translate(`enums.Level.${result.bandLevel}`) : '—'}
            </Typography>
          </Box>
        </Box>
      </Box>

      {result.errors.length > 0 && (
        <Alert severity="error">
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {result.errors.map((e, i) => (
              <li key={i}>
                <Typography variant="body2">{e.message}</Typography>
              </li>
            ))}
          </Box>
        </Alert>
      )}

      <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', '& td, & th': { py: 0.6, px: 1, borderBottom: '1px solid', borderColor: 'divider', fontSize: 14 } }}>
        <thead>
          <tr>
            <Box component="th" sx={{ textAlign: 'left', bgcolor: '#f7f3ef' }}>
              {translate('app.criteria.preview.criterion')}
            </Box>
            <Box component="th" sx={{ textAlign: 'right', bgcolor: '#f7f3ef', width: 120 }}>
              {translate('app.criteria.preview.points')}
            </Box>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ c, depth }) => {
            const isGroup = c.kind === CriterionKind.GROUP;
            const value = isGroup ? result.groups?.[c.code] : result.points?.[c.code];
            const sign = c.kind === CriterionKind.BONUS ? '+' : c.kind === CriterionKind.PENALTY ? '−' : '';
            return (
              <Box component="tr" key={c.code} data-code={c.code} sx={{ bgcolor: isGroup ? '#fcfaf8' : undefined }}>
                <Box component="td" sx={{ pl: `${8 + depth * 20}px !important`, fontWeight: isGroup ? 700 : 400 }}>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                    <KindIcon kind={c.kind} />
                    <span>{c.name}</span>
                  </Box>
                </Box>
                <Box component="td" sx={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums', fontWeight: isGroup ? 700 : 500, whiteSpace: 'nowrap' }}>
                  {value === undefined ? '—' : `${sign}${num(value)}`}
                  <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400 }}>
                    {' / '}
                    {num(c.max)}
                  </Box>
                </Box>
              </Box>
            );
          })}
        </tbody>
      </Box>

      <TraceList trace={result.trace} />
    </>
  );
};

/** The engine's explanation, one line per step (criteria indented under their group). */
export const TraceList = ({ trace, title = 'app.criteria.preview.trace' }: { trace: readonly TraceLine[]; title?: string }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="subtitle2" component="h3" sx={{ fontWeight: 700, mb: 0.5 }}>
        {translate(title)}
      </Typography>
      <Divider />
      <Box component="ol" aria-label={translate(title)} sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {trace.map((t, i) => (
          <Box
            component="li"
            key={i}
            sx={{
              display: 'flex',
              gap: 1,
              alignItems: 'flex-start',
              py: 0.5,
              pl: t.kind === 'criterion' ? 3 : 0,
              borderBottom: '1px dashed',
              borderColor: 'divider',
              fontWeight: t.kind === 'criterion' ? 400 : 600,
            }}
          >
            <Box sx={{ width: 20, display: 'flex', justifyContent: 'center', pt: '2px', flexShrink: 0 }}>{TRACE_ICONS[t.kind] ?? <KindIcon kind={t.kind === 'group' ? CriterionKind.GROUP : CriterionKind.SCORE} />}</Box>
            <Typography variant="body2" sx={{ fontWeight: 'inherit' }}>
              {t.message}
            </Typography>
          </Box>
        ))}
      </Box>
    </Box>
  );
};
