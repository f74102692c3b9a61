import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlineOutlined';
import { Box, Button, Chip, Divider, IconButton, MenuItem, Paper, TextField, Tooltip, Typography } from '@mui/material';
import type { Level } from '@dangbo/shared-types';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import type { RulesSection } from '../../criteria/problems';
import { SectionHeading } from '../../../common/SectionHeading';

/** A section (and row) of the rules to bring into view, after a click on a problem. */
export type RulesFocus = { section: RulesSection; index?: number } | null;

/** One titled part of the rules tab; scrolled into view and outlined when a problem points at it. */
export const Section = ({
  id,
  title,
  help,
  action,
  focus,
  children,
}: {
  id: RulesSection;
  title: string;
  help?: string;
  action?: ReactNode;
  focus: { section: RulesSection } | null;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const ref = useRef<HTMLElement | null>(null);
  const focused = focus?.section === id;
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [focused, focus]);
  return (
    <Paper
      ref={ref}
      component="section"
      variant="outlined"
      aria-label={translate(title)}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1.5, scrollMarginTop: 120, borderColor: focused ? 'primary.main' : undefined }}
    >
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
        <Box sx={{ flex: 1 }}>
          <SectionHeading title={title} help={help} />
        </Box>
        {action}
      </Box>
      <Divider />
      {children}
    </Paper>
  );
};

/** One numbered band, gate or downgrade, highlighted when a problem points at it, with its remove button. */
export const Row = ({
  index,
  section,
  focus,
  onRemove,
  children,
}: {
  index: number;
  section: RulesSection;
  focus: RulesFocus;
  onRemove?: () => void;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const highlighted = focus?.section === section && focus.index === index;
  return (
    <Box
      sx={{
        display: 'flex',
        gap: 1,
        alignItems: 'flex-start',
        p: 1.5,
        borderRadius: 1,
        bgcolor: highlighted ? 'rgba(164, 22, 26, 0.05)' : '#fafafa',
        border: '1px solid',
        borderColor: highlighted ? 'primary.light' : 'divider',
      }}
    >
      <Chip size="small" label={index + 1} sx={{ mt: 1.5, fontWeight: 700 }} />
      {children}
      {onRemove && (
        <Tooltip title={translate('app.criteria.rules.remove')}>
          <IconButton aria-label={translate('app.criteria.rules.remove')} onClick={onRemove} sx={{ mt: 1, '&:hover': { color: 'error.main' } }}>
            <DeleteOutlineIcon />
          </IconButton>
        </Tooltip>
      )}
    </Box>
  );
};

export const AddButton = ({ label, onClick }: { label: string; onClick: () => void }) => {
  const translate = useTranslate();
  return (
    <Button size="small" startIcon={<AddIcon />} onClick={onClick}>
      {translate(label)}
    </Button>
  );
};

export const Empty = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('app.criteria.rules.none')}
    </Typography>
  );
};

/** A rating level chosen from `levels`, named in the current language. */
export const LevelSelect = ({
  label,
  levels,
  value,
  onChange,
  problem,
  readOnly,
}: {
  label: string;
  levels: readonly Level[];
  value: Level;
  onChange: (level: Level) => void;
  problem: string | null | undefined | false;
  readOnly: boolean;
}) => {
  const translate = useTranslate();
  return (
    <TextField
      select
      label={translate(label)}
      value={value}
      onChange={(e) => onChange(e.target.value as Level)}
      error={!!problem}
      helperText={problem || undefined}
      slotProps={{ input: { readOnly } }}
    >
      {levels.map((l) => (
        <MenuItem key={l} value={l}>
          {translate(`enums.Level.${l}`)}
        </MenuItem>
      ))}
    </TextField>
  );
};
