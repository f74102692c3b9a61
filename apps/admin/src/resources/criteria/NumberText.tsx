import { InputAdornment, TextField, type TextFieldProps } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatNumber, parseNumber } from './problems';

const same = (a: number | null, b: number | null | undefined) => (a === null ? b === null || b === undefined : Number.isNaN(a) ? Number.isNaN(b) : a === b);

/**
 * A number typed as text, so that `7,5` (the Vietnamese way) and `7.5` both work and a half-typed `7,` is not
 * thrown away. Reports `null` for blank and NaN for text that is not a number.
 */
export const NumberText = ({
  label,
  value,
  onChange,
  error,
  helperText,
  unit,
  readOnly,
  hideLabel,
  ...props
}: Omit<TextFieldProps, 'value' | 'onChange' | 'label' | 'error' | 'helperText'> & {
  /** Translation key. */
  label: string;
  value: number | null | undefined;
  onChange?: (value: number | null) => void;
  /** Already translated. */
  error?: string | null;
  /** Translation key. */
  helperText?: string;
  /** Text after the number, already translated. */
  unit?: string;
  readOnly?: boolean;
  /** The label is shown next to the box (a table of inputs): it only names the box for assistive technology. */
  hideLabel?: boolean;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [raw, setRaw] = useState(() => formatNumber(value, locale));
  useEffect(() => {
    // A change from outside (undo, "set to the children's sum", another record): show it.
    setRaw((r) => (same(parseNumber(r), value) ? r : formatNumber(value, locale)));
  }, [value, locale]);
  const parsed = parseNumber(raw);
  const invalid = parsed !== null && Number.isNaN(parsed);
  return (
    <TextField
      {...props}
      label={hideLabel ? undefined : translate(label)}
      hiddenLabel={hideLabel}
      value={raw}
      onChange={(e) => {
        setRaw(e.target.value);
        onChange?.(parseNumber(e.target.value));
      }}
      error={invalid || !!error}
      helperText={invalid ? translate('app.criteria.not_a_number') : error || (helperText ? translate(helperText) : undefined)}
      slotProps={{
        input: { readOnly, ...(unit ? { endAdornment: <InputAdornment position="end">{unit}</InputAdornment> } : {}) },
        htmlInput: { inputMode: 'decimal', autoComplete: 'off', ...(hideLabel ? { 'aria-label': translate(label) } : {}) },
      }}
    />
  );
};
