import { AppError } from '../common/app-error.js';
import type { MessageKey } from '../common/i18n.js';
import type { RequestContext } from '../auth/current-user.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { CARD_STATUSES } from './cards.schema.js';

/** What the services of the cards feature share: contexts, transaction options, the status error. */

export type Tx = Prisma.TransactionClient;

/**
 * Who acts, as the services see it: the request context without the caller's language. Services
 * throw `AppError`s with message keys; the error filter renders them in the caller's language.
 */
export type StaffContext = Omit<RequestContext, 'lang'>;

/** Who acts: the request context, or just enough of it for internal callers (seeds, benchmarks). */
export type Actor = Pick<RequestContext, 'ip' | 'requestId'> & { user: { id: number; username: string; regionCode?: string | null } };

/** Interactive transactions that may queue behind others (card numbers, reissues). */
export const TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 };

const STATUS_TERM = {
  IN_PRODUCTION: 'cards.status.IN_PRODUCTION',
  READY: 'cards.status.READY',
  ISSUED: 'cards.status.ISSUED',
  VOID: 'cards.status.VOID',
} as const satisfies Record<(typeof CARD_STATUSES)[number], MessageKey>;

/** 409: the card's status does not allow the action; the status is named in the caller's language. */
export function wrongStatus(status: string): AppError {
  const key = STATUS_TERM[status as keyof typeof STATUS_TERM];
  return new AppError(409, 'cards.wrongStatus', { status: key ? { key } : status });
}
