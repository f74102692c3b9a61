import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/**
 * Asks for the reason a step must carry (a decision away from the engine's level, a re-rating, reopening a locked
 * period); confirms only with some text.
 */
export const ReasonDialog = ({
  open,
  title,
  text,
  confirm,
  onClose,
  onConfirm,
  children,
}: {
  open: boolean;
  /** Translation keys. */
  title: string;
  text: string;
  confirm: string;
  onClose: () => void;
  onConfirm: (reason: string) => void;
  children?: ReactNode;
}) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>{translate(title)}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate(text)}</DialogContentText>
        {children}
        <TextField label={translate('app.rating.reason')} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} fullWidth autoFocus required />
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!reason.trim()}
          onClick={() => {
            onConfirm(reason.trim());
            setReason('');
          }}
        >
          {translate(confirm)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
