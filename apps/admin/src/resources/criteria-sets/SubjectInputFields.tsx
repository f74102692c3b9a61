/**
 * The boxes of a rated subject's inputs (entered points, checks, metrics, facts), grouped and labelled by name and
 * code: the criteria-set editor's preview types them for a made-up subject, an evaluation for a real one.
 */
import { Box, Checkbox, Typography } from '@mui/material';
import type { SubjectInputs } from '@dangbo/rating-engine';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { NumberText } from '../criteria/NumberText';

export const InputGroup = ({ title, children }: { title: string; children: ReactNode }) => {
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

/**
 * One value: what it is (name and code) on the left, the box on the right. A `tagged` row carries `data-code`
 * (and `data-kind`, `data-max` when given) for tests; the editor's preview is not tagged, since the editor finds the
 * rows of its criteria tree by `data-code`.
 */
export const InputRow = ({
  label,
  code,
  tagged,
  kind,
  max,
  children,
}: {
  label: string;
  code: string;
  tagged?: boolean;
  kind?: string;
  max?: number | null;
  children: ReactNode;
}) => (
  <Box
    data-code={tagged ? code : undefined}
    data-kind={tagged ? kind : undefined}
    data-max={tagged ? (max ?? undefined) : undefined}
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

interface FieldsProps {
  inputs: SubjectInputs;
  onInputs: (inputs: SubjectInputs) => void;
  readOnly?: boolean;
  tagged?: boolean;
}

/** A criterion whose points are typed; `max` null when the set is not known (then no "/ max" after the box). */
export interface ScoreInput {
  code: string;
  name: string;
  max: number | null;
  kind?: string;
}

/** The entered points, one box per criterion; nothing when there are none. */
export const ScoreInputs = ({ scores, inputs, onInputs, readOnly, tagged }: FieldsProps & { scores: ScoreInput[] }) =>
  scores.length === 0 ? null : (
    <InputGroup title="app.criteria.preview.scores">
      {scores.map((s) => (
        <InputRow key={s.code} label={s.name} code={s.code} tagged={tagged} kind={s.kind} max={s.max}>
          <NumberText
            size="small"
            hideLabel
            label={s.name}
            readOnly={readOnly}
            value={inputs.scores[s.code] ?? null}
            onChange={(v) => onInputs({ ...inputs, scores: { ...inputs.scores, [s.code]: v ?? 0 } })}
            unit={s.max === null ? undefined : `/ ${s.max}`}
          />
        </InputRow>
      ))}
    </InputGroup>
  );

/** The CHECK criteria, one checkbox each (named by the criterion); nothing when there are none. */
export const CheckInputs = ({ checks, inputs, onInputs, readOnly, tagged }: FieldsProps & { checks: { code: string; name: string }[] }) =>
  checks.length === 0 ? null : (
    <InputGroup title="app.criteria.preview.checks">
      {checks.map((c) => (
        <InputRow key={c.code} label={c.name} code={c.code} tagged={tagged}>
          <Checkbox
            disabled={readOnly}
            checked={!!inputs.checks[c.code]}
            onChange={(e) => onInputs({ ...inputs, checks: { ...inputs.checks, [c.code]: e.target.checked } })}
            slotProps={{ input: { 'aria-label': c.name } }}
          />
        </InputRow>
      ))}
    </InputGroup>
  );

/** Typed metrics or facts (`source`), one number box each, titled by the source; nothing when the list is empty. */
export const VariableInputs = ({
  source,
  variables,
  inputs,
  onInputs,
  readOnly,
  tagged,
}: FieldsProps & { source: 'metrics' | 'facts'; variables: readonly { name: string; label: string }[] }) =>
  variables.length === 0 ? null : (
    <InputGroup title={`app.criteria.preview.${source}`}>
      {variables.map((v) => (
        <InputRow key={v.name} label={v.label} code={v.name} tagged={tagged}>
          <NumberText
            size="small"
            hideLabel
            label={v.label}
            readOnly={readOnly}
            value={inputs[source][v.name] ?? null}
            onChange={(x) => onInputs({ ...inputs, [source]: { ...inputs[source], [v.name]: x ?? 0 } })}
          />
        </InputRow>
      ))}
    </InputGroup>
  );
