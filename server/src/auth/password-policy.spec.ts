import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('password policy', () => {
  it('wants ten characters, letters and digits, and not the username', () => {
    expect(passwordProblem('Abc123', 'gm')?.key).toBe('auth.passwordTooShort');
    expect(passwordProblem('abcdefghijk', 'gm')?.key).toBe('auth.passwordLettersDigits');
    expect(passwordProblem('12345678901', 'gm')?.key).toBe('auth.passwordLettersDigits');
    expect(passwordProblem('xx-Officer-2026', 'officer')?.key).toBe('auth.passwordIsUsername');
    expect(passwordProblem('Lantern42river', 'gm')).toBeNull();
    // Chinese letters count as letters; ten characters, not bytes.
    expect(passwordProblem('春江花月夜2026年好', 'gm')).toBeNull();
    expect(passwordProblem('春江花月夜20', 'gm')?.key).toBe('auth.passwordTooShort');
  });
});
