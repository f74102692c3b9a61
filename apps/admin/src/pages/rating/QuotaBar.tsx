import { Box, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { QuotaGroup } from '../../resources/evaluations/api';

const percent = (share: number) => `${Math.round(share * 1000) / 10}`.replace('.', ',');

/** A peer group's xuất sắc in use against what its quota allows; red once it is full or over. */
export const QuotaBar = ({ group }: { group: QuotaGroup }) => {
  const translate = useTranslate();
  const used = group.allowed > 0 ? Math.min(100, (group.excellent / group.allowed) * 100) : group.excellent > 0 ? 100 : 0;
  const full = group.excellent >= group.allowed;
  const label = translate('app.rating.quota.bar', { used: group.excellent, allowed: group.allowed, base: group.base, share: percent(group.share) });
  return (
    <Box data-testid={`quota-${group.peerGroup}`} sx={{ minWidth: 220 }}>
      <Typography variant="body2" sx={{ fontWeight: 600, color: !group.ok ? 'error.main' : undefined }}>
        {label}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={used}
        color={!group.ok ? 'error' : full ? 'warning' : 'success'}
        aria-label={label}
        sx={{ height: 8, borderRadius: 1, mt: 0.5 }}
      />
    </Box>
  );
};
