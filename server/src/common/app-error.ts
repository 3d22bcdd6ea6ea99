import type { Lang, MessageParams } from './i18n-types.js';
import type { MessageKey } from './i18n.js';

/**
 * A parameter of a message: a value shown as it is, a term of the club's vocabulary (a card
 * status, say) named by its message key, or a text in both languages. The error filter renders
 * them in the caller's language like the message itself, so a service never needs to know it.
 */
export type { MessageParam, MessageParams } from './i18n-types.js';

/** What a field did wrong: a message key with params, or (zod's own messages) a text in both languages. */
export type FieldError = { key: MessageKey; params?: MessageParams } | { text: Record<Lang, string> | string };

/** Field path → what is wrong with it, shown on form fields. */
export type FieldErrors = Record<string, FieldError>;

/**
 * An expected failure with an HTTP status, a translatable message and optional field errors.
 * The exception filter renders it in the caller's language.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly fields: FieldErrors = {},
  ) {
    super(key);
  }

  static validation(fields: FieldErrors): AppError {
    return new AppError(400, 'errors.validation', {}, fields);
  }
  static field(path: string, key: MessageKey, params?: MessageParams): AppError {
    return AppError.validation({ [path]: { key, params } });
  }
  static notFound(): AppError {
    return new AppError(404, 'errors.notFound');
  }
  static forbidden(): AppError {
    return new AppError(403, 'errors.forbidden');
  }
}
