import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { todayIso } from '@dangbo/vn';
import { useState } from 'react';
import { useInput, useRecordContext, useTranslate } from 'react-admin';
import { OrgTree } from './OrgTree';

export interface ParentPickerProps {
  /** The form field the autocomplete next to it edits. */
  source?: string;
  /** Message keys of the button, the dialog's title and its hint. */
  label?: string;
  title?: string;
  hint?: string;
}

/**
 * Chooses a unit on the tree, next to the autocomplete; writes the form's `source` (`parentId` by default, where
 * the unit being edited cannot be picked as its own parent).
 */
export const ParentPicker = ({
  source = 'parentId',
  label = 'app.tree.pick_parent',
  title = 'app.tree.pick_parent_title',
  hint = 'app.tree.pick_hint',
}: ParentPickerProps) => {
  const translate = useTranslate();
  const record = useRecordContext();
  // A second view of the input the autocomplete edits: same form field, no rules of its own.
  const { field } = useInput({ source });
  const [open, setOpen] = useState(false);
  const titleId = `${source}-picker-title`;
  return (
    <>
      <Button startIcon={<AccountTreeIcon />} onClick={() => setOpen(true)} sx={{ mt: 1.5, whiteSpace: 'nowrap' }}>
        {translate(label)}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md" aria-labelledby={titleId}>
        <DialogTitle id={titleId}>{translate(title)}</DialogTitle>
        <DialogContent dividers sx={{ p: 0 }}>
          <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
            {translate(hint)}
          </Typography>
          <OrgTree
            asOf={todayIso()}
            pick={{
              selectedId: field.value || null,
              excludeId: source === 'parentId' ? record?.id : undefined,
              onPick: (unit) => {
                field.onChange(unit.id);
                setOpen(false);
              },
            }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
