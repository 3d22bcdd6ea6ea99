import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cardFeeFen } from '../cards/fee-config.js';

/** The repository root, wherever the process was started from. */
export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** Every setting, read from the environment in this one place. docs/operations.md lists them. */
export interface AppConfig {
  apiPort: number;
  cubePort: number;
  pgPort: number;
  /** Unset: run the embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /** The owner of the tables, for migrations (DATABASE_OWNER_URL; unset: DATABASE_URL, with a warning). */
  databaseOwnerUrl?: string;
  /** Cube's read-only role (CUBE_DATABASE_URL; unset: the owner's URL). */
  cubeDatabaseUrl?: string;
  dataDir: string;
  jwtSecret: string;
  cubeApiSecret: string;
  cubeUrl: string;
  adminDist: string;
  /** Login throttling: failures before the account locks, and for how long. */
  maxFailedLogins: number;
  lockMinutes: number;
  /**
   * Failed sign-ins from one client address (req.ip) within `loginAddressWindowMinutes` before
   * that address may not try again until the window ends (auth/login-throttle.ts). Unset: 30 and 15.
   */
  loginMaxPerAddress?: number;
  loginAddressWindowMinutes?: number;
  /** Lifetime of a sign-in (the API token) in hours; unset: 12. */
  sessionHours?: number;
  /** Lifetime of a Cube token in seconds; unset: 300 (the admin renews by `exp`). */
  cubeTokenSeconds?: number;
  /** Where the change feed LISTENs, when DATABASE_URL goes through a pooler that cannot (unset: the API's own database). */
  listenUrl?: string;
  /** M-8: the default card fee in fen until the club manager sets one (CARD_FEE_FEN, cards/fee-config.ts). */
  cardFeeFen: number;
  /** List totals of at least this many rows are kept until their table changes (crud/list-totals.ts). */
  cachedTotalMinRows: number;
  /** Email goes to this SMTP server (SMTP_URL, smtp://user:pass@host:port); unset: email stays queued. */
  smtpUrl?: string;
  /** The sender of the club's email (MAIL_FROM); unset: 客户会 <noreply@localhost>. */
  mailFrom?: string;
  /** The HTTP SMS gateway (SMS_GATEWAY_URL + SMS_GATEWAY_KEY); unset: SMS go to the outbox. */
  smsGatewayUrl?: string;
  smsGatewayKey?: string;
}

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

/**
 * Secrets come from the environment; without one, a random secret is made once and kept in the
 * data folder so tokens survive a restart but no two installations share a key.
 */
function secret(name: string, dataDir: string): string {
  const fromEnv = process.env[name];
  if (fromEnv) return fromEnv;
  const file = join(dataDir, `${name.toLowerCase()}.secret`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(32).toString('hex');
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

export function loadConfig(): AppConfig {
  const dataDir = resolve(process.env.CLUB_DATA_DIR ?? join(repoRoot, '.data'));
  const cubePort = int('CUBE_PORT', 4300);
  return {
    apiPort: int('PORT', 3300),
    cubePort,
    pgPort: int('PG_PORT', 54329),
    databaseUrl: process.env.DATABASE_URL || undefined,
    databaseOwnerUrl: process.env.DATABASE_OWNER_URL || undefined,
    cubeDatabaseUrl: process.env.CUBE_DATABASE_URL || undefined,
    dataDir,
    jwtSecret: secret('JWT_SECRET', dataDir),
    cubeApiSecret: secret('CUBEJS_API_SECRET', dataDir),
    cubeUrl: process.env.CUBE_URL ?? `http://127.0.0.1:${cubePort}`,
    adminDist: resolve(process.env.ADMIN_DIST ?? join(repoRoot, 'admin', 'dist')),
    maxFailedLogins: int('LOGIN_MAX_FAILURES', 5),
    lockMinutes: int('LOGIN_LOCK_MINUTES', 15),
    loginMaxPerAddress: int('LOGIN_MAX_PER_ADDRESS', 30),
    loginAddressWindowMinutes: int('LOGIN_ADDRESS_WINDOW_MINUTES', 15),
    sessionHours: int('SESSION_HOURS', 12),
    cubeTokenSeconds: int('CUBE_TOKEN_SECONDS', 300),
    listenUrl: process.env.DATABASE_LISTEN_URL || undefined,
    cardFeeFen: cardFeeFen(),
    cachedTotalMinRows: int('LIST_TOTAL_CACHE_MIN_ROWS', 5000),
    smtpUrl: process.env.SMTP_URL || undefined,
    mailFrom: process.env.MAIL_FROM || undefined,
    smsGatewayUrl: process.env.SMS_GATEWAY_URL || undefined,
    smsGatewayKey: process.env.SMS_GATEWAY_KEY || undefined,
  };
}
