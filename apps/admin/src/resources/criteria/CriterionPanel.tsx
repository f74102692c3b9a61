import SaveIcon from '@mui/icons-material/Save';
import UndoIcon from '@mui/icons-material/Undo';
import { Alert, Box, Button, Chip, CircularProgress, MenuItem, TextField, Typography } from '@mui/material';
import { namesInScope, type CriteriaSetDefinition } from '@dangbo/rating-engine';
import { CriterionKind } from '@dangbo/shared-types';
import { useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { FormulaField } from './FormulaField';
import { KindIcon } from './KindIcon';
import { NumberText } from './NumberText';
import { formatNumber } from './problems';
import type { CriterionFields, CriterionNode, CriterionRow, SumCheck } from './tree';
import { criterionErrors, hasMin, needsFormula, usesFormula } from './validation';

export interface CriterionPanelProps {
  /** The criterion with its unsaved edits applied. */
  node: CriterionNode;
  /** Every criterion of the set, edits applied (codes must be unique). */
  rows: CriterionRow[];
  definition: CriteriaSetDefinition;
  /** Problems of the set's live check about this criterion, by field (`''` for the criterion as a whole). */
  problems: Record<string, string>;
  sum?: SumCheck;
  /** Points this criterion (or group) earns with the preview's inputs. */
  sample?: number;
  dirty: boolean;
  readOnly: boolean;
  saving: boolean;
  /** The API's refusal of the last save: its message, and the argument it names. */
  serverError: { message: string; field?: string; position?: number } | null;
  onChange: (fields: Partial<CriterionFields>) => void;
  onSave: () => void;
  onDiscard: () => void;
}

const KINDS = Object.values(CriterionKind);

/**
 * The side panel of the selected criterion: code, name, kind, maxima, formula (checked as it is typed, against
 * the names its kind may read) and description. Edits stay a draft of the editor (the tree and the preview follow
 * them live) until saved with `updateCriterion`.
 */
export const CriterionPanel = ({ node, rows, definition, problems, sum, sample, dirty, readOnly, saving, serverError, onChange, onSave, onDiscard }: CriterionPanelProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const isGroup = node.kind === CriterionKind.GROUP;
  const names = useMemo(() => namesInScope(definition, node.code), [definition, node.code]);
  const errors = criterionErrors(node, rows, names);
  const codeLabels = useMemo(() => Object.fromEntries(rows.map((r) => [r.code, r.name])), [rows]);
  const serverAt = (field: string) => (serverError?.field === field ? serverError.message : null);
  const fieldError = (field: string) => (errors[field] ? translate(errors[field], { _: errors[field] }) : serverAt(field));
  const canSave = dirty && !readOnly && !saving && Object.keys(errors).length === 0;
  const points = (x: number) => translate('app.criteria.points', { points: formatNumber(x, locale) });

  return (
    <Box
      component="form"
      aria-label={translate('app.criteria.panel.title')}
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave) onSave();
      }}
      sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <KindIcon kind={node.kind} />
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, flex: 1, minWidth: 0 }} noWrap>
          {translate(isGroup ? 'app.criteria.panel.group_title' : 'app.criteria.panel.title')}
        </Typography>
        {dirty && <Chip size="small" color="secondary" label={translate('app.criteria.tree.unsaved')} />}
      </Box>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 1.5 }}>
        <TextField
          label={translate('resources.Criterion.fields.code')}
          value={node.code}
          onChange={(e) => onChange({ code: e.target.value.trim() })}
          error={!!fieldError('code')}
          helperText={fieldError('code') || translate('app.criteria.code_help')}
          slotProps={{ input: { readOnly, sx: { fontFamily: 'monospace' } }, htmlInput: { spellCheck: false, autoComplete: 'off' } }}
        />
        <TextField
          select
          label={translate('resources.Criterion.fields.kind')}
          value={node.kind}
          onChange={(e) => onChange({ kind: e.target.value as CriterionKind })}
          helperText={translate(`app.criteria.kind_help.${node.kind}`)}
          slotProps={{ input: { readOnly } }}
        >
          {KINDS.map((k) => (
            <MenuItem key={k} value={k} disabled={isGroup && node.children.length > 0 && k !== CriterionKind.GROUP}>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                <KindIcon kind={k} />
                {translate(`enums.CriterionKind.${k}`)}
              </Box>
            </MenuItem>
          ))}
        </TextField>
      </Box>

      <TextField
        label={translate('resources.Criterion.fields.name')}
        value={node.name}
        onChange={(e) => onChange({ name: e.target.value })}
        error={!!fieldError('name')}
        helperText={fieldError('name') || ' '}
        multiline
        minRows={1}
        slotProps={{ input: { readOnly } }}
      />

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 1.5 }}>
        <NumberText
          label="resources.Criterion.fields.max"
          value={node.max}
          onChange={(max) => onChange({ max: max ?? Number.NaN })}
          // A group's sum is told by the alert below, with the button that fixes it.
          error={fieldError('max') ?? (isGroup ? null : problems.max || null)}
          helperText={isGroup ? 'app.criteria.max_help_group' : node.kind === CriterionKind.BONUS || node.kind === CriterionKind.PENALTY ? 'app.criteria.max_help_bonus' : 'app.criteria.max_help'}
          unit={translate('app.criteria.unit_points')}
          readOnly={readOnly}
        />
        {hasMin(node.kind) && (
          <NumberText
            label="resources.Criterion.fields.min"
            value={node.min ?? null}
            onChange={(min) => onChange({ min: min === null ? null : min })}
            error={fieldError('min') ?? (problems.min || null)}
            helperText="app.criteria.min_help"
            unit={translate('app.criteria.unit_points')}
            readOnly={readOnly}
          />
        )}
      </Box>

      {isGroup && sum && (
        <Alert
          severity={sum.ok ? 'success' : 'warning'}
          variant="outlined"
          action={
            !sum.ok && !readOnly ? (
              <Button color="inherit" size="small" onClick={() => onChange({ max: sum.sum })}>
                {translate('app.criteria.panel.use_sum', { sum: formatNumber(sum.sum, locale) })}
              </Button>
            ) : undefined
          }
        >
          {translate(sum.ok ? 'app.criteria.tree.sum_ok' : 'app.criteria.tree.sum_mismatch', { sum: formatNumber(sum.sum, locale), max: formatNumber(sum.max, locale) })}
        </Alert>
      )}

      {usesFormula(node.kind) && (
        <FormulaField
          id={`formula-${node.id}`}
          label={needsFormula(node.kind) ? 'resources.Criterion.fields.formula' : 'app.criteria.formula.optional_label'}
          value={node.formula ?? ''}
          onChange={(formula) => onChange({ formula })}
          names={names}
          expect="number"
          optional={!needsFormula(node.kind)}
          readOnly={readOnly}
          codeLabels={codeLabels}
          extraError={serverError?.field === 'formula' ? serverError : problems.formula ? { message: problems.formula } : null}
          minRows={3}
        />
      )}

      <TextField
        label={translate('resources.Criterion.fields.description')}
        value={node.description ?? ''}
        onChange={(e) => onChange({ description: e.target.value })}
        multiline
        minRows={2}
        helperText={translate('app.criteria.description_help')}
        slotProps={{ input: { readOnly } }}
      />

      {problems[''] && <Alert severity="warning">{problems['']}</Alert>}

      {sample !== undefined && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 1.5, py: 1, bgcolor: '#f4f6fa', borderRadius: 1, border: '1px dashed', borderColor: 'divider' }}>
          <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
            {translate('app.criteria.panel.sample')}
          </Typography>
          <Typography variant="body2" sx={{ fontWeight: 700 }} data-testid="criterion-sample">
            {formatNumber(sample, locale)}
            {' / '}
            {points(node.max)}
          </Typography>
        </Box>
      )}

      {serverError && !['code', 'name', 'max', 'min', 'formula'].includes(serverError.field ?? '') && <Alert severity="error">{serverError.message}</Alert>}

      {!readOnly && (
        <Box sx={{ display: 'flex', gap: 1, justifyContent: 'flex-end', position: 'sticky', bottom: 0, bgcolor: 'background.paper', py: 1, borderTop: '1px solid', borderColor: 'divider' }}>
          <Button startIcon={<UndoIcon />} onClick={onDiscard} disabled={!dirty || saving}>
            {translate('app.criteria.panel.discard')}
          </Button>
          <Button type="submit" variant="contained" startIcon={saving ? <CircularProgress size={16} color="inherit" /> : <SaveIcon />} disabled={!canSave}>
            {translate('app.criteria.panel.save')}
          </Button>
        </Box>
      )}
    </Box>
  );
};
