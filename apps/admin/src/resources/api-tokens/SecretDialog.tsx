import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useRef } from 'react';
import { useNotify, useTranslate } from 'react-admin';

/** Copies with the Clipboard API, or by selecting the text where that API is missing (plain http). */
async function copy(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  }
}

/**
 * The new token's secret, shown this once: the API keeps only its hash. The dialog closes only through its button
 * (not a click outside), so the secret is not lost by accident.
 */
export const SecretDialog = ({ secret, onDone }: { secret: string | null; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const field = useRef<HTMLInputElement>(null);
  return (
    <Dialog open={!!secret} fullWidth maxWidth="md" aria-labelledby="token-secret-title">
      <DialogTitle id="token-secret-title">{translate('app.token.secret_title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" icon={<WarningAmberIcon />} sx={{ mb: 2 }}>
          {translate('app.token.secret_warning')}
        </Alert>
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
          <TextField
            inputRef={field}
            value={secret ?? ''}
            label={translate('app.token.secret_label')}
            fullWidth
            multiline
            slotProps={{ htmlInput: { readOnly: true, spellCheck: false, style: { fontFamily: 'monospace', fontSize: 13, wordBreak: 'break-all' } } }}
            onFocus={(e) => e.target.select()}
          />
          <Button
            variant="contained"
            startIcon={<ContentCopyIcon />}
            sx={{ mt: 1, whiteSpace: 'nowrap' }}
            onClick={async () => notify((await copy(secret ?? '', field.current)) ? 'app.token.copied' : 'app.token.copy_failed', { type: 'info' })}
          >
            {translate('app.token.copy')}
          </Button>
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('app.token.secret_usage')}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button variant="outlined" onClick={onDone}>
          {translate('app.token.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
