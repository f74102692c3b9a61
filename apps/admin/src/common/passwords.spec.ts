import { validateNewPassword, validateOptionalPassword, validatePasswordConfirmation } from './passwords';

const run = (validators: typeof validateNewPassword, value: unknown, values: Record<string, unknown> = {}) =>
  validators.map((v) => v(value, values, {} as never)).find((r) => r !== undefined) ?? undefined;

const message = (result: unknown) => (typeof result === 'object' && result ? (result as { message: string }).message : result);

describe('password rules', () => {
  it('asks for at least 10 characters, in Vietnamese', () => {
    expect(message(run(validateNewPassword, 'ngan-qua'))).toBe('app.account.password_min');
    expect(run(validateNewPassword, 'du-muoi-ky-tu')).toBeUndefined();
    expect(message(run(validateNewPassword, ''))).toBe('ra.validation.required');
  });

  it('lets an administrator leave the reset empty', () => {
    expect(run(validateOptionalPassword, undefined)).toBeUndefined();
    expect(run(validateOptionalPassword, null)).toBeUndefined();
    expect(message(run(validateOptionalPassword, 'ngan'))).toBe('app.account.password_min');
  });

  it('wants the confirmation to repeat the new password', () => {
    expect(run(validatePasswordConfirmation, 'mat-khau-moi-1', { newPassword: 'mat-khau-moi-2' })).toBe('app.account.password_mismatch');
    expect(run(validatePasswordConfirmation, 'mat-khau-moi-1', { newPassword: 'mat-khau-moi-1' })).toBeUndefined();
  });
});
