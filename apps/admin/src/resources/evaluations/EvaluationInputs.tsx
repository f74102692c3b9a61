import { Paper, Typography } from '@mui/material';
import { FACTS, METRICS, type CriteriaSetDefinition, type SubjectInputs } from '@dangbo/rating-engine';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatNumber } from '../criteria/problems';
import { inputCriteria, usedVariables } from '../criteria-sets/preview';
import { CheckInputs, InputGroup, InputRow, ScoreInputs, VariableInputs, type ScoreInput } from '../criteria-sets/SubjectInputFields';
import { SectionHeading } from '../../common/SectionHeading';

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
        scores: Object.keys(inputs.scores).map((code): ScoreInput => ({ code, name: code, max: null })),
        checks: Object.keys(inputs.checks).map((code) => ({ code, name: code })),
      };
  const used = definition ? usedVariables(definition) : new Set<string>();
  const facts = FACTS.filter((f) => used.has(f.name) || f.name in inputs.facts);
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5 }} component="section" aria-label={translate('app.rating.inputs')}>
      <SectionHeading title="app.rating.inputs" />
      <ScoreInputs scores={scores} inputs={inputs} onInputs={onInputs} readOnly={readOnly} tagged />
      <CheckInputs checks={checks} inputs={inputs} onInputs={onInputs} readOnly={readOnly} tagged />
      <VariableInputs source="facts" variables={facts} inputs={inputs} onInputs={onInputs} readOnly={readOnly} tagged />
      <InputGroup title="app.rating.metrics">
        {Object.keys(inputs.metrics).length === 0 && (
          <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
            {translate('app.rating.no_metrics')}
          </Typography>
        )}
        {Object.entries(inputs.metrics).map(([name, value]) => (
          <InputRow key={name} label={LABELS.get(name) ?? name} code={name} tagged>
            <Typography variant="body2" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
              {formatNumber(value, locale)}
            </Typography>
          </InputRow>
        ))}
      </InputGroup>
    </Paper>
  );
};
