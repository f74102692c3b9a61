import { Chip, type ChipProps } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { enumLabel } from './choices';

/** An enum value as a small chip with its translated label; `colors` picks a chip colour per value. */
export const EnumChipField = ({
  enumName,
  colors = {},
  ...props
}: FieldProps & { enumName: string; colors?: Record<string, ChipProps['color']> }) => {
  const translate = useTranslate();
  const value = useFieldValue(props);
  if (typeof value !== 'string' || !value) return null;
  return <Chip size="small" variant="outlined" color={colors[value] ?? 'default'} label={translate(enumLabel(enumName, value))} />;
};
