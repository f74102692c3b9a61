import { Chip } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** "Đang hoạt động" or "Đã khóa". */
export const ActiveField = (props: FieldProps) => {
  const translate = useTranslate();
  const active = useFieldValue({ ...props, source: props.source ?? 'active' });
  if (typeof active !== 'boolean') return null;
  return <Chip size="small" variant={active ? 'outlined' : 'filled'} color={active ? 'success' : 'default'} label={translate(active ? 'app.user.active' : 'app.user.locked')} sx={{ alignSelf: 'flex-start' }} />;
};
