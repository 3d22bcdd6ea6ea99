import { AppError } from '../common/app-error.js';

/** Text of a database error, whatever layer (Prisma, the pg driver adapter) wrapped it. */
function errorText(e: unknown): string {
  const parts: string[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const o = cur as { message?: unknown; meta?: unknown; cause?: unknown };
    if (typeof o.message === 'string') parts.push(o.message);
    if (o.meta) {
      try {
        parts.push(JSON.stringify(o.meta));
      } catch {
        /* circular: ignore */
      }
    }
    cur = o.cause;
  }
  return parts.join(' ');
}

/** True when the error is the database refusing a card over the household's limit (M-3). */
export function isCardLimitViolation(e: unknown): boolean {
  return errorText(e).includes('households_card_limit_check');
}

/**
 * M-3: rethrows the database's card-limit CHECK violation as a clear 409; other errors unchanged.
 * Other features that set `cardHolder` (an approved application) may use it too.
 */
export function mapCardLimitError(e: unknown): never {
  if (isCardLimitViolation(e)) throw new AppError(409, 'cards.limitReached');
  throw e;
}
