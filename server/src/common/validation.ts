import * as z from 'zod';
import { AppError, type FieldErrors } from './app-error.js';
import { isMessageKey, t, type Lang } from './i18n.js';

const localeErrors = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  string: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是/否', en: 'true or false' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
};

/** Messages a member officer can act on, rather than zod's technical defaults. */
function friendly(iss: z.core.$ZodRawIssue, lang: Lang): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null) return t(lang, 'errors.required');
      return t(lang, 'errors.type', { expected: TYPE_NAMES[iss.expected]?.[lang] ?? iss.expected });
    case 'invalid_value':
      return t(lang, 'errors.option');
    case 'invalid_format':
      return iss.format === 'email' ? t(lang, 'errors.email') : undefined;
    case 'too_big':
      if (iss.origin === 'string') return t(lang, 'errors.tooLong', { max: Number(iss.maximum) });
      if (iss.origin === 'array') return t(lang, 'errors.tooMany', { max: Number(iss.maximum) });
      return t(lang, 'errors.tooBig', { max: Number(iss.maximum) });
    case 'too_small':
      if (iss.origin === 'string' && Number(iss.minimum) <= 1) return t(lang, 'errors.required');
      return t(lang, 'errors.tooSmall', { min: Number(iss.minimum) });
    default:
      return undefined;
  }
}

function issuePath(path: PropertyKey[]): string {
  return path.map(String).join('.') || '_';
}

/**
 * Parses input with a zod schema; on failure throws a 400 AppError with one message per field
 * path, in the caller's language. Custom checks name a message key in `params.key`.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, lang: Lang): z.output<S> {
  const result = schema.safeParse(input, {
    error: (iss) => {
      const key = (iss as { params?: { key?: unknown } }).params?.key;
      if (isMessageKey(key)) return t(lang, key);
      if (iss.code === 'unrecognized_keys') return t(lang, 'errors.unknownField');
      return friendly(iss, lang) ?? localeErrors[lang](iss);
    },
  });
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) fields[issuePath([...issue.path, k])] ??= { text: issue.message };
    } else {
      fields[issuePath(issue.path)] ??= { text: issue.message };
    }
  }
  throw AppError.validation(fields);
}

/** 'YYYY-MM-DD' that is a real calendar date; parsed to a UTC midnight Date. */
export const isoDate = z
  .string()
  .refine((s) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= '1900-01-01' && s <= '2100-12-31';
  }, { params: { key: 'errors.date' } })
  .transform((s) => new Date(`${s}T00:00:00Z`));

/** Plain text with a length limit; blank becomes null so optional fields can be cleared. */
export function text(max: number) {
  return z.string().trim().max(max);
}
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
}
