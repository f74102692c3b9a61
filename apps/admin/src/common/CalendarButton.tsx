import EventIcon from '@mui/icons-material/Event';
import { Box, IconButton, InputAdornment } from '@mui/material';
import { isValidIsoDate } from '@dangbo/vn';
import { useRef } from 'react';
import { useTranslate } from 'react-admin';

/**
 * A calendar next to a typed date: opens the browser's own date picker on a hidden date input, whose value is
 * always ISO whatever the browser's language, so typing stays dd/mm/yyyy and picking still works.
 */
export const CalendarButton = ({ value, onPick }: { value: unknown; onPick: (iso: string) => void }) => {
  const translate = useTranslate();
  const picker = useRef<HTMLInputElement>(null);
  return (
    <InputAdornment position="end" sx={{ position: 'relative' }}>
      <IconButton
        size="small"
        edge="end"
        aria-label={translate('app.date.open_calendar')}
        onClick={() => picker.current?.showPicker?.()}
      >
        <EventIcon fontSize="small" />
      </IconButton>
      <Box
        component="input"
        type="date"
        ref={picker}
        tabIndex={-1}
        aria-hidden
        value={typeof value === 'string' && isValidIsoDate(value) ? value : ''}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => event.target.value && onPick(event.target.value)}
        sx={{ position: 'absolute', right: 0, bottom: 0, width: 0, height: 0, opacity: 0, border: 0, p: 0, pointerEvents: 'none' }}
      />
    </InputAdornment>
  );
};
