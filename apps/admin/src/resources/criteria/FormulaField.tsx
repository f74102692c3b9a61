import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import { Box, Chip, TextField, Tooltip, Typography } from '@mui/material';
import { FUNCTIONS, TOTAL_NAME, validateFormula, VARIABLES, type EngineError, type ExprType } from '@dangbo/rating-engine';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { splitAt } from './problems';

const MONO = '"JetBrains Mono", "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace';

export interface FormulaFieldProps {
  id: string;
  /** Translation key of the label. */
  label: string;
  value: string;
  onChange?: (value: string) => void;
  /** Names the formula may use (`namesInScope`). */
  names: readonly string[];
  /** `number` for points, `boolean` for gates and downgrades. */
  expect: ExprType;
  /** A blank formula is fine (a bonus or penalty entered by hand). */
  optional?: boolean;
  readOnly?: boolean;
  /** Criterion names by code, shown next to their chips. */
  codeLabels?: Record<string, string>;
  /** A problem found elsewhere (the set's compile, or the server), shown when the formula itself is fine. */
  extraError?: Pick<EngineError, 'message' | 'position'> | null;
  /** Show the names in scope always, or only while the field has focus (a list of gates). */
  namesWhen?: 'always' | 'focus';
  minRows?: number;
}

/** Names in the order people look for them: metrics, facts, the set's total, other criteria, functions. */
function groupNames(names: readonly string[]) {
  const metrics: string[] = [];
  const facts: string[] = [];
  const codes: string[] = [];
  let total = false;
  for (const n of names) {
    const v = VARIABLES.get(n);
    if (v?.source === 'metric') metrics.push(n);
    else if (v?.source === 'fact' || v?.source === 'derived') facts.push(n);
    else if (n === TOTAL_NAME) total = true;
    else codes.push(n);
  }
  return { metrics, facts, codes, total };
}

/**
 * A filtrex formula checked as it is typed (the engine's `validateFormula` against the names in scope): the
 * problem in Vietnamese with a caret under the character it is about, and the names that may be used as chips
 * that insert themselves at the cursor.
 */
export const FormulaField = ({
  id,
  label,
  value,
  onChange,
  names,
  expect,
  optional,
  readOnly,
  codeLabels = {},
  extraError,
  namesWhen = 'always',
  minRows = 2,
}: FormulaFieldProps) => {
  const translate = useTranslate();
  const inputRef = useRef<HTMLTextAreaElement | null>(null);
  const caretAfterInsert = useRef<number | null>(null);
  const [focused, setFocused] = useState(false);

  const blank = value.trim() === '';
  const own = useMemo(() => (optional && blank ? null : validateFormula(value, names, expect)), [value, names, expect, optional, blank]);
  const error = own ?? (extraError ? { message: extraError.message, position: extraError.position } : null);
  const caret = error ? splitAt(value, error.position) : null;
  const grouped = useMemo(() => groupNames(names), [names]);

  useLayoutEffect(() => {
    if (caretAfterInsert.current !== null && inputRef.current) {
      inputRef.current.focus();
      inputRef.current.setSelectionRange(caretAfterInsert.current, caretAfterInsert.current);
      caretAfterInsert.current = null;
    }
  }, [value]);

  const insert = (text: string) => {
    if (!onChange) return;
    const el = inputRef.current;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? start;
    const spaced = start > 0 && /[\w)]/.test(value[start - 1]) ? ` ${text}` : text;
    caretAfterInsert.current = start + spaced.length;
    onChange(value.slice(0, start) + spaced + value.slice(end));
  };

  const showNames = !readOnly && (namesWhen === 'always' || focused) && names.length > 0;
  const errorId = `${id}-problem`;

  return (
    <Box sx={{ width: '100%' }}>
      <TextField
        id={id}
        label={translate(label)}
        value={value}
        onChange={(e) => onChange?.(e.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        inputRef={inputRef}
        multiline
        minRows={minRows}
        fullWidth
        error={!!error}
        slotProps={{
          input: { readOnly, sx: { fontFamily: MONO, fontSize: 14, lineHeight: 1.6 } },
          htmlInput: { spellCheck: false, autoComplete: 'off', 'aria-describedby': errorId, 'aria-invalid': !!error },
        }}
      />
      <Box id={errorId} aria-live="polite" sx={{ mt: 0.5, minHeight: 22 }}>
        {error ? (
          <Box role="alert" sx={{ color: 'error.main' }}>
            {caret && (
              <Box
                component="pre"
                data-testid="formula-caret"
                sx={{ m: 0, mb: 0.5, px: 1, py: 0.5, fontFamily: MONO, fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-all', bgcolor: '#fdf0f0', borderRadius: 1, color: 'text.primary' }}
              >
                {caret.before}
                <Box component="mark" sx={{ bgcolor: 'error.main', color: '#fff', borderRadius: 0.5, px: '1px', boxShadow: '0 2px 0 #7a0f12' }}>
                  {caret.at || '\u00a0'}
                </Box>
                {caret.after}
              </Box>
            )}
            <Typography variant="body2" sx={{ display: 'flex', gap: 0.5, alignItems: 'flex-start' }}>
              <ErrorOutlineIcon fontSize="small" sx={{ mt: '1px' }} />
              <span>
                {error.message}
                {caret && error.position !== undefined && (
                  <Box component="span" sx={{ color: 'text.secondary', ml: 0.5 }}>
                    {translate('app.criteria.formula.at_position', { position: error.position + 1 })}
                  </Box>
                )}
              </span>
            </Typography>
          </Box>
        ) : !blank ? (
          <Typography variant="body2" sx={{ color: 'success.dark', display: 'flex', gap: 0.5, alignItems: 'center' }}>
            <CheckCircleOutlineIcon fontSize="small" />
            {translate(expect === 'boolean' ? 'app.criteria.formula.valid_condition' : 'app.criteria.formula.valid')}
          </Typography>
        ) : null}
      </Box>
      {showNames && (
        <Box
          // Clicking a chip must not take the focus away from the formula (the list closes on blur).
          onMouseDown={(e) => e.preventDefault()}
          sx={{ mt: 1, p: 1.25, border: '1px solid', borderColor: 'divider', borderRadius: 1, bgcolor: '#fafafa', maxHeight: 300, overflowY: 'auto' }}
          aria-label={translate('app.criteria.formula.names')}
          role="group"
        >
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mb: 0.5 }}>
            {translate('app.criteria.formula.names_help')}
          </Typography>
          <NameSection title="app.criteria.formula.metrics" names={grouped.metrics} labelOf={(n) => VARIABLES.get(n)?.label} onPick={insert} />
          <NameSection title="app.criteria.formula.facts" names={grouped.facts} labelOf={(n) => VARIABLES.get(n)?.label} onPick={insert} />
          {grouped.total && (
            <NameSection title="app.criteria.formula.total" names={[TOTAL_NAME]} labelOf={() => translate('app.criteria.formula.total_label')} onPick={insert} />
          )}
          <NameSection title="app.criteria.formula.criteria" names={grouped.codes} labelOf={(n) => codeLabels[n]} onPick={insert} />
          <NameSection title="app.criteria.formula.functions" names={Object.keys(FUNCTIONS)} call onPick={insert} />
        </Box>
      )}
    </Box>
  );
};

const NameSection = ({
  title,
  names,
  labelOf,
  onPick,
  call,
}: {
  title: string;
  names: readonly string[];
  labelOf?: (name: string) => string | undefined;
  onPick: (text: string) => void;
  call?: boolean;
}) => {
  const translate = useTranslate();
  if (names.length === 0) return null;
  return (
    <Box sx={{ mt: 0.75 }}>
      <Typography variant="overline" sx={{ lineHeight: 1.6, color: 'primary.dark', fontWeight: 700 }}>
        {translate(title)}
      </Typography>
      {call ? (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
          {names.map((n) => (
            <Chip key={n} size="small" label={`${n}(…)`} onClick={() => onPick(`${n}(`)} sx={{ fontFamily: MONO }} />
          ))}
        </Box>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 0.25 }}>
          {names.map((n) => {
            const label = labelOf?.(n);
            return (
              <Box component="li" key={n} sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
                <Chip
                  size="small"
                  color="primary"
                  variant="outlined"
                  label={n}
                  onClick={() => onPick(n)}
                  sx={{ fontFamily: MONO, flexShrink: 0, bgcolor: '#fff' }}
                />
                {label && (
                  <Tooltip title={label} placement="top-start" enterDelay={600}>
                    <Typography variant="body2" color="text.secondary" noWrap sx={{ minWidth: 0 }}>
                      {label}
                    </Typography>
                  </Tooltip>
                )}
              </Box>
            );
          })}
        </Box>
      )}
    </Box>
  );
};
