import { MemberStatus } from '@dangbo/shared-types';
import type { ChipProps } from '@mui/material';

/** Chip colours of the statuses: active members stand out, those who left are muted. */
export const STATUS_COLORS: Record<string, ChipProps['color']> = {
  [MemberStatus.OFFICIAL]: 'success',
  [MemberStatus.PROBATIONARY]: 'info',
  [MemberStatus.EXEMPTED]: 'default',
  [MemberStatus.SUSPENDED]: 'warning',
  [MemberStatus.TRANSFERRED_OUT]: 'default',
  [MemberStatus.DECEASED]: 'default',
  [MemberStatus.REMOVED]: 'error',
};
