import { Box, Chip } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { enumLabel } from '../../common/choices';
import { ROLE_COLORS } from '../role-grants/roles';

interface Grant {
  id: string;
  role: string;
  unitId: string;
  unit?: { name?: string } | null;
}

/** Each role of the user as a chip "role · unit". */
export const RolesField = (_props: FieldProps) => {
  const translate = useTranslate();
  const user = useRecordContext<{ roles?: Grant[] }>();
  if (!user?.roles?.length) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {user.roles.map((g) => (
        <Chip
          key={g.id}
          size="small"
          variant="outlined"
          color={ROLE_COLORS[g.role] ?? 'default'}
          label={translate('app.user.role_at', { role: translate(enumLabel('Role', g.role)), unit: g.unit?.name ?? g.unitId })}
        />
      ))}
    </Box>
  );
};
