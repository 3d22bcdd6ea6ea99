import * as z from 'zod';
import { AppError, type FieldError, type FieldErrors } from './app-error.js';
import { isMessageKey, t, type Lang } from './i18n.js';

const localeErrors = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };

const TYPE_NAMES: Record<string, Record<Lang, string>> = {
  string: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是/否', en: 'true or false' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
};

/** Messages a member officer can act on, rather than zod's technical defaults. */
function friendly(iss: z.core.$ZodRawIssue): FieldError | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null) return { key: 'errors.required' };
      return { key: 'errors.type', params: { expected: TYPE_NAMES[iss.expected] ?? iss.expected } };
    case 'invalid_value':
      return { key: 'errors.option' };
    case 'invalid_format':
      return iss.format === 'email' ? { key: 'errors.email' } : undefined;
    case 'too_big':
      if (iss.origin === 'string') return { key: 'errors.tooLong', params: { max: Number(iss.maximum) } };
      if (iss.origin === 'array') return { key: 'errors.tooMany', params: { max: Number(iss.maximum) } };
      return { key: 'errors.tooBig', params: { max: Number(iss.maximum) } };
    case 'too_small':
      if (iss.origin === 'string' && Number(iss.minimum) <= 1) return { key: 'errors.required' };
      return { key: 'errors.tooSmall', params: { min: Number(iss.minimum) } };
    default:
      return undefined;
  }
}

/** What an issue says, in both languages' terms (rendered in the caller's language by the error filter). */
function describe(iss: z.core.$ZodRawIssue): FieldError {
  const key = (iss as { params?: { key?: unknown } }).params?.key;
  if (isMessageKey(key)) return { key };
  if (iss.code === 'unrecognized_keys') return { key: 'errors.unknownField' };
  return friendly(iss) ?? { text: { zh: String(localeErrors.zh(iss) ?? ''), en: String(localeErrors.en(iss) ?? '') } };
}

function issuePath(path: PropertyKey[]): string {
  return path.map(String).join('.') || '_';
}

/** A field error as text in one language (for reports written in the uploader's language). */
export function renderFieldError(e: FieldError, lang: Lang): string {
  if ('key' in e) return t(lang, e.key, e.params);
  return typeof e.text === 'string' ? e.text : e.text[lang];
}

/**
 * Parses input with a zod schema; on failure throws a 400 AppError with one error per field path,
 * rendered in the caller's language by the error filter. Custom checks name a message key in
 * `params.key`.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const described = new Map<string, FieldError>();
  const result = schema.safeParse(input, {
    error: (iss) => {
      const d = describe(iss);
      const id = `\u0000${described.size}`;
      described.set(id, d);
      return id;
    },
  });
  if (result.success) return result.data;
  const fields: FieldErrors = {};
  for (const issue of result.error.issues) {
    const d = described.get(issue.message) ?? { text: issue.message };
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) fields[issuePath([...issue.path, k])] ??= d;
    } else {
      fields[issuePath(issue.path)] ??= d;
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
