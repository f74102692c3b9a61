import { Box } from '@mui/material';
import { required } from 'react-admin';
import { ParentPicker } from '../resources/org-units/tree/ParentPicker';
import { UnitReferenceInput } from './UnitReferenceInput';

/** A required unit: typed into an autocomplete, or picked on the tree (only the caller's own subtrees show). */
export const UnitTreeInput = ({ source, label, helperText, pickTitle }: { source: string; label?: string; helperText?: string; pickTitle: string }) => (
  <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', width: '100%' }}>
    <UnitReferenceInput source={source} label={label} validate={required()} helperText={helperText} />
    <ParentPicker source={source} label="app.user.pick_unit" title={pickTitle} hint="app.user.pick_unit_hint" />
  </Box>
);
