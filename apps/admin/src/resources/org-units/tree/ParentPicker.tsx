import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { todayIso } from '@dangbo/vn';
import { useState } from 'react';
import { useInput, useRecordContext, useTranslate } from 'react-admin';
import { OrgTree } from './OrgTree';

/** Chooses the parent unit on the tree, next to the autocomplete; writes the form's `parentId`. */
export const ParentPicker = () => {
  const translate = useTranslate();
  const record = useRecordContext();
  // A second view of the input the autocomplete edits: same form field, no rules of its own.
  const { field } = useInput({ source: 'parentId' });
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button startIcon={<AccountTreeIcon />} onClick={() => setOpen(true)} sx={{ mt: 1.5, whiteSpace: 'nowrap' }}>
        {translate('app.tree.pick_parent')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md" aria-labelledby="parent-picker-title">
        <DialogTitle id="parent-picker-title">{translate('app.tree.pick_parent_title')}</DialogTitle>
        <DialogContent dividers sx={{ p: 0 }}>
          <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
            {translate('app.tree.pick_hint')}
          </Typography>
          <OrgTree
            asOf={todayIso()}
            pick={{
              selectedId: field.value || null,
              excludeId: record?.id,
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
