/** The roles as select choices, with their labels `enums.Role.<ROLE>`; only a system administrator grants SYSTEM_ADMIN. */
import { Role } from '@dangbo/shared-types';
import { choicesOf } from '../../common/choices';

export const roleChoices = choicesOf('Role', Role);

/** The roles the signed-in user may grant (the server checks the same: `checkGrantable`). */
export const grantableRoleChoices = (systemAdmin: boolean) => roleChoices.filter((c) => systemAdmin || c.id !== Role.SYSTEM_ADMIN);

/** Chip colours: the administrators stand out, the read-only analyst is plain. */
export const ROLE_COLORS: Record<string, 'primary' | 'secondary' | 'default' | 'info' | 'success' | 'warning'> = {
  [Role.SYSTEM_ADMIN]: 'primary',
  [Role.UNIT_ADMIN]: 'secondary',
  [Role.CRITERIA_ADMIN]: 'info',
  [Role.APPRAISER]: 'info',
  [Role.DECIDER]: 'warning',
  [Role.CELL_SECRETARY]: 'success',
  [Role.ANALYST]: 'default',
};
