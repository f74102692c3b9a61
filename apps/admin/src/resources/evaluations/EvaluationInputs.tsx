import { Box, Checkbox, Paper, Typography } from '@mui/material';
import { FACTS, METRICS, type CriteriaSetDefinition, type SubjectInputs } from '@dangbo/rating-engine';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { NumberText } from '../criteria/NumberText';
import { formatNumber } from '../criteria/problems';
import { inputCriteria, usedVariables } from '../criteria-sets/preview';

const LABELS = new Map([...METRICS, ...FACTS].map((v) => [v.name, v.label]));

/**
 * What the step enters: the points of every scored criterion, the checks and the facts (task counts and the like);
 * the metrics come from the directive records and are shown, not typed. Read-only when no step is open.
 */
export const EvaluationInputs = ({
  definition,
  inputs,
  onInputs,
  readOnly,
}: {
  definition: CriteriaSetDefinition | null;
  inputs: SubjectInputs;
  onInputs: (inputs: SubjectInputs) => void;
  readOnly: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { scores, checks } = definition
    ? inputCriteria(definition)
    : {
        scores: Object.keys(inputs.scores).map((code) => ({ code, name: code, max: null as number | null, kind: undefined as string | undefined })),
        checks: Object.keys(inputs.checks).map((code) => ({ code, name: code })),
      };
  const used = definition ? usedVariables(definition) : new Set<string>();
  const facts = FACTS.filter((f) => used.has(f.name) || f.name in inputs.facts);
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }} component="section" aria-label={translate('app.rating.inputs')}>
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, color: 'primary.dark' }}>
        {translate('app.rating.inputs')}
      </Typography>
      {scores.length > 0 && (
        <Group title="app.criteria.preview.scores">
          {scores.map((s) => (
            <Row key={s.code} label={s.name} code={s.code} max={s.max} kind={s.kind}>
              <NumberText
                size="small"
                hideLabel
                label={s.name}
                readOnly={readOnly}
                value={inputs.scores[s.code] ?? null}
                onChange={(v) => onInputs({ ...inputs, scores: { ...inputs.scores, [s.code]: v ?? 0 } })}
                unit={s.max === null ? undefined : `/ ${s.max}`}
              />
            </Row>
          ))}
        </Group>
      )}
      {checks.length > 0 && (
        <Group title="app.criteria.preview.checks">
          {checks.map((c) => (
            <Row key={c.code} label={c.name} code={c.code}>
              <Checkbox
                disabled={readOnly}
                checked={!!inputs.checks[c.code]}
                onChange={(e) => onInputs({ ...inputs, checks: { ...inputs.checks, [c.code]: e.target.checked } })}
                slotProps={{ input: { 'aria-label': c.name } }}
              />
            </Row>
          ))}
        </Group>
      )}
      {facts.length > 0 && (
        <Group title="app.criteria.preview.facts">
          {facts.map((f) => (
            <Row key={f.name} label={f.label} code={f.name}>
              <NumberText
                size="small"
                hideLabel
                label={f.label}
                readOnly={readOnly}
                value={inputs.facts[f.name] ?? null}
                onChange={(x) => onInputs({ ...inputs, facts: { ...inputs.facts, [f.name]: x ?? 0 } })}
              />
            </Row>
          ))}
        </Group>
      )}
      <Group title="app.rating.metrics">
        {Object.keys(inputs.metrics).length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
            {translate('app.rating.no_metrics')}
          </Typography>
        )}
        {Object.entries(inputs.metrics).map(([name, value]) => (
          <Row key={name} label={LABELS.get(name) ?? name} code={name}>
            <Typography variant="body2" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
              {formatNumber(value, locale)}
            </Typography>
          </Row>
        ))}
      </Group>
    </Paper>
  );
};

const Group = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="overline" sx={{ color: 'primary.dark', fontWeight: 700 }}>
        {translate(title)}
      </Typography>
      <Box sx={{ borderTop: '1px solid', borderColor: 'divider' }}>{children}</Box>
    </Box>
  );
};

/** One value: what it is (name and code) on the left, the box on the right; `data-code`, `data-kind` and `data-max` name it for tests. */
const Row = ({ label, code, max, kind, children }: { label: string; code: string; max?: number | null; kind?: string; children: ReactNode }) => (
  <Box
    data-code={code}
    data-kind={kind}
    data-max={max ?? undefined}
    sx={{ display: 'grid', gridTemplateColumns: '1fr 132px', gap: 1.5, alignItems: 'center', py: 0.75, borderBottom: '1px solid', borderColor: 'divider' }}
  >
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2" sx={{ lineHeight: 1.35 }}>
        {label}
      </Typography>
      <Typography variant="caption" sx={{ fontFamily: 'monospace', color: 'text.secondary' }}>
        {code}
      </Typography>
    </Box>
    <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>{children}</Box>
  </Box>
);
