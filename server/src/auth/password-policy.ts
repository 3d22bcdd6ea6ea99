import * as z from 'zod';

export const PASSWORD_MIN_LENGTH = 10;

/**
 * The password policy for a new password: at least ten characters, letters and digits, and not
 * containing the username (compared without case). "Not the current one" needs the current
 * password checked first, so AuthService.changePassword does it.
 */
export function passwordProblem(password: string, username: string): { key: 'auth.passwordTooShort' | 'auth.passwordLettersDigits' | 'auth.passwordIsUsername'; params?: { min: number } } | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return { key: 'auth.passwordTooShort', params: { min: PASSWORD_MIN_LENGTH } };
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) return { key: 'auth.passwordLettersDigits' };
  if (username && password.toLowerCase().includes(username.toLowerCase())) return { key: 'auth.passwordIsUsername' };
  return null;
}

export const ChangePasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});
