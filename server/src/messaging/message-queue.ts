import pg from 'pg';
import type { EmailSender } from './email.js';
import { backoffMs, nextSendableTime } from './quiet-hours.js';
import type { SmsProvider } from './sms.js';

/**
 * The message queue: the `messages` table is the queue (pg-boss 11+ needs Node 22). A worker
 * claims due rows with FOR UPDATE SKIP LOCKED and a lease (state SENDING, lockedUntil), sends,
 * and records the outcome; a failure is retried with exponential back-off up to `maxAttempts`.
 * A stopped worker finishes what it holds, so a restart repeats nothing; a crashed one's lease
 * runs out and its rows are taken again (the idempotency key is the email's Message-ID and the
 * gateway's id, so the receiving side can drop that rare repeat).
 */
export interface QueueOptions {
  email?: EmailSender;
  sms: SmsProvider;
  maxAttempts?: number;
  backoffBaseMs?: number;
  leaseMs?: number;
  pollMs?: number;
  batch?: number;
  now?: () => Date;
}

interface Claimed {
  id: number;
  idempotencyKey: string;
  channel: 'EMAIL' | 'SMS';
  memberId: number;
  subject: string;
  body: string;
  attempts: number;
  email: string | null;
  mobile: string | null;
  declined: boolean;
}

export class MessageQueue {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly pool: pg.Pool, private readonly options: QueueOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.runOnce().then(() => undefined, () => undefined);
      await this.running;
      if (!this.stopped) this.timer = setTimeout(loop, this.options.pollMs ?? 1000);
    };
    void loop();
  }

  /** Stops polling and waits for the batch in hand, so nothing is left half-sent. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: claim due messages, send them, record each outcome. Returns how many were handled. */
  async runOnce(): Promise<number> {
    const now = this.options.now?.() ?? new Date();
    const leaseUntil = new Date(now.getTime() + (this.options.leaseMs ?? 120_000));
    const { rows } = await this.pool.query<Claimed>(
      `WITH due AS (
         SELECT id FROM messages
          WHERE (state = 'QUEUED' AND "nextAttemptAt" <= $1)
             OR (state = 'SENDING' AND "lockedUntil" < $1)
          ORDER BY "nextAttemptAt", id
          LIMIT $3
          FOR UPDATE SKIP LOCKED)
       UPDATE messages m SET state = 'SENDING', "lockedUntil" = $2, "updatedAt" = $1
         FROM due WHERE m.id = due.id
       RETURNING m.id, m."idempotencyKey", m.channel, m."memberId", m.subject, m.body, m.attempts,
         (SELECT email FROM members WHERE id = m."memberId") AS email,
         (SELECT mobile FROM members WHERE id = m."memberId") AS mobile,
         COALESCE((SELECT declined FROM message_consents WHERE "memberId" = m."memberId"), false) AS declined`,
      [now, leaseUntil, this.options.batch ?? 50],
    );
    for (const message of rows) await this.handle(message, now);
    return rows.length;
  }

  private async handle(m: Claimed, now: Date): Promise<void> {
    if (m.declined) return this.finish(m.id, 'FAILED', 'the member declined messages', null, now, m.attempts);
    if (m.channel === 'SMS') {
      const allowed = nextSendableTime(now);
      if (allowed > now) return this.requeue(m.id, allowed, 'quiet hours (21:00–08:00): waits for the morning', m.attempts);
      if (!m.mobile) return this.finish(m.id, 'FAILED', 'no mobile number', null, now, m.attempts);
      const r = await this.options.sms.send(m.mobile, m.body, m.idempotencyKey);
      return r.ok ? this.finish(m.id, 'SENT', r.reason, r.provider, now, m.attempts + 1) : this.retry(m, now, r.reason);
    }
    if (!m.email) return this.finish(m.id, 'FAILED', 'no email address', null, now, m.attempts);
    if (!this.options.email) return this.requeue(m.id, new Date(now.getTime() + 3600_000), 'no SMTP server configured (SMTP_URL)', m.attempts);
    const r = await this.options.email.send(m.email, { subject: m.subject, body: m.body }, m.idempotencyKey);
    return r.ok ? this.finish(m.id, 'SENT', r.reason, 'smtp', now, m.attempts + 1) : this.retry(m, now, r.reason);
  }

  private async retry(m: Claimed, now: Date, reason: string): Promise<void> {
    const attempts = m.attempts + 1;
    if (attempts >= (this.options.maxAttempts ?? 8)) return this.finish(m.id, 'FAILED', reason, null, now, attempts);
    const next = new Date(now.getTime() + backoffMs(attempts, this.options.backoffBaseMs));
    return this.requeue(m.id, next, reason, attempts);
  }

  private async requeue(id: number, at: Date, reason: string, attempts: number): Promise<void> {
    await this.pool.query(
      `UPDATE messages SET state = 'QUEUED', "nextAttemptAt" = $2, reason = $3, attempts = $4, "lockedUntil" = NULL, "updatedAt" = now() WHERE id = $1`,
      [id, at, reason.slice(0, 500), attempts],
    );
  }

  private async finish(id: number, state: 'SENT' | 'FAILED', reason: string, provider: string | null, now: Date, attempts: number): Promise<void> {
    await this.pool.query(
      `UPDATE messages SET state = $2::"MessageState", reason = $3, provider = $4, attempts = $5, "lockedUntil" = NULL,
              "sentAt" = CASE WHEN $2::text = 'SENT' THEN $6::timestamptz END, "updatedAt" = now() WHERE id = $1`,
      [id, state, reason.slice(0, 500), provider, attempts, now],
    );
  }
}
