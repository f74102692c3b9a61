import { TextField } from '@mui/material';
import { isValidIsoDate } from '@dangbo/vn';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { CalendarButton } from './CalendarButton';
import { isoToText, textToIso } from './dates';

/**
 * A date picker outside a form (e.g. the tree's as-of date): typed as dd/mm/yyyy or picked on the calendar, and
 * reported as ISO once complete. A half-typed date is kept on screen and reported only when it becomes valid.
 */
export const DateTextField = ({
  label,
  value,
  onChange,
  id,
}: {
  label: string;
  value: string;
  onChange: (iso: string) => void;
  id?: string;
}) => {
  const translate = useTranslate();
  const [text, setText] = useState(isoToText(value));
  useEffect(() => setText(isoToText(value)), [value]);
  const parsed = textToIso(text);
  const invalid = text !== '' && !(typeof parsed === 'string' && isValidIsoDate(parsed));
  return (
    <TextField
      id={id}
      label={translate(label)}
      value={text}
      placeholder={translate('app.date.placeholder')}
      error={invalid}
      helperText={invalid ? translate('app.validation.invalid_date') : ' '}
      onChange={(event) => {
        setText(event.target.value);
        const iso = textToIso(event.target.value);
        if (typeof iso === 'string' && isValidIsoDate(iso)) onChange(iso);
      }}
      slotProps={{ input: { endAdornment: <CalendarButton value={value} onPick={onChange} /> } }}
      sx={{ width: 220 }}
    />
  );
};
