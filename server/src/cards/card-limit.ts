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

/**
 * True when the error is the database refusing a card over the household's limit (M-3), however
 * it was reached (a card allocated, an application approved): the error filter answers 409.
 */
export function isCardLimitViolation(e: unknown): boolean {
  return errorText(e).includes('households_card_limit_check');
}
