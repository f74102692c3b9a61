/** The password rules the API applies (apps/api/src/modules/auth/password.ts), checked before sending. */
import { maxLength, minLength, required, type Validator } from 'react-admin';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

const lengthRules: Validator[] = [minLength(PASSWORD_MIN_LENGTH, 'app.account.password_min'), maxLength(PASSWORD_MAX_LENGTH)];

/** A password that must be given (a new account, one's own new password). */
export const validateNewPassword: Validator[] = [required(), ...lengthRules];

/** A password that may be left empty (an administrator's reset: empty keeps the old one). */
export const validateOptionalPassword: Validator[] = lengthRules;

/** The confirmation must repeat `newPassword` of the same form. */
export const validatePasswordConfirmation: Validator[] = [
  required(),
  (value: unknown, values: { newPassword?: string }) => (value && value !== values.newPassword ? 'app.account.password_mismatch' : undefined),
];
