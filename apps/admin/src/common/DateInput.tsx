import { TextField } from '@mui/material';
import { FieldTitle, InputHelperText, useInput, useResourceContext, useTranslate, type InputProps, type Validator } from 'react-admin';
import { CalendarButton } from './CalendarButton';
import { isoToText, textToIso, validDate } from './dates';

export type DateInputProps = Omit<InputProps, 'format' | 'parse'> & {
  helperText?: string | false;
  fullWidth?: boolean;
  disabled?: boolean;
};

/**
 * A date input that reads and writes dd/mm/yyyy whatever the browser's language, and stores the API's
 * 'YYYY-MM-DD'. A half-typed date stays in the form as text and fails validation with a Vietnamese message;
 * the calendar button next to it picks a date instead.
 */
export const DateInput = ({ validate, helperText, fullWidth, disabled, className, ...props }: DateInputProps & { className?: string }) => {
  const translate = useTranslate();
  const resource = useResourceContext(props);
  const validators: Validator[] = [validDate, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];
  const { id, field, fieldState, formState, isRequired } = useInput({ ...props, format: isoToText, parse: textToIso, validate: validators });
  const shown = (fieldState.isTouched || formState.isSubmitted) && fieldState.invalid;
  const error = shown ? fieldState.error?.message : undefined;
  return (
    <TextField
      {...field}
      id={id}
      className={className}
      disabled={disabled}
      fullWidth={fullWidth}
      label={props.label === false ? undefined : <FieldTitle label={props.label} source={props.source} resource={resource} isRequired={isRequired} />}
      placeholder={translate('app.date.placeholder')}
      error={shown}
      helperText={<InputHelperText error={error} helperText={helperText} />}
      slotProps={{
        input: { endAdornment: <CalendarButton value={textToIso(String(field.value ?? ''))} onPick={(iso) => field.onChange(iso)} /> },
        htmlInput: { inputMode: 'numeric', autoComplete: 'off' },
      }}
    />
  );
};
