import type { MessageKey } from './i18n.js';

/** Field path → message key (with params) for errors shown on form fields. */
export type FieldErrors = Record<string, { key: MessageKey; params?: Record<string, string | number> } | { text: string }>;

/**
 * An expected failure with an HTTP status, a translatable message and optional field errors.
 * The exception filter renders it in the caller's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldErrors = {},
  ) {
    super(key);
  }

  static validation(fields: FieldErrors): AppError {
    return new AppError(400, 'errors.validation', {}, fields);
  }
  static field(path: string, key: MessageKey, params?: Record<string, string | number>): AppError {
    return AppError.validation({ [path]: { key, params } });
  }
  static notFound(): AppError {
    return new AppError(404, 'errors.notFound');
  }
  static forbidden(): AppError {
    return new AppError(403, 'errors.forbidden');
  }
}
