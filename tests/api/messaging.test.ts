import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { EmailSender } from '../../server/src/messaging/email.ts';
import { backoffMs, isQuietHour, nextSendableTime } from '../../server/src/messaging/quiet-hours.ts';
import { render, salutation } from '../../server/src/messaging/templates.ts';

const input = { name: '张伟', title: 'MR' as const, occasion: { zh: '生日', en: 'birthday' }, clubName: { zh: '客户会', en: "the Owners' Club" } };

describe('templates', () => {
  it('address the member by surname and title in Chinese, full name in English', () => {
    expect(salutation('zh', '张伟', 'MR')).toBe('张先生');
    expect(salutation('zh', '欧阳娜娜', 'MS')).toBe('欧阳女士');
    expect(salutation('en', 'Zhang Wei', 'MR')).toBe('Mr Zhang Wei');
    const zh = render('greeting', 'zh', input);
    expect(zh.subject).toBe('客户会祝您生日快乐');
    expect(zh.body).toContain('尊敬的张先生：');
    expect(render('greeting', 'en', { ...input, name: 'Zhang Wei' }).body).toContain('Dear Mr Zhang Wei,');
  });
});

describe('quiet hours (no SMS 21:00-08:00 China time)', () => {
  it('hold an evening SMS until the next morning and a night one until this morning', () => {
    expect(isQuietHour(new Date('2026-12-04T12:59:00Z'))).toBe(false); // 20:59 in China
    expect(isQuietHour(new Date('2026-12-04T13:00:00Z'))).toBe(true); // 21:00
    expect(nextSendableTime(new Date('2026-12-04T14:30:00Z')).toISOString()).toBe('2026-12-05T00:00:00.000Z'); // 22:30 -> 08:00 next day
    expect(nextSendableTime(new Date('2026-12-04T19:00:00Z')).toISOString()).toBe('2026-12-05T00:00:00.000Z'); // 03:00 -> 08:00 same day
    const day = new Date('2026-12-05T02:00:00Z');
    expect(nextSendableTime(day)).toBe(day);
  });

  it('back off exponentially with a cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(30)).toBe(3600_000);
  });
});

describe('email through a real SMTP server', () => {
  const received: { to: string; raw: string }[] = [];
  let server: SMTPServer;
  let port = 0;

  const listen = (p: number) => new Promise<void>((resolve) => server.listen(p, '127.0.0.1', () => resolve()));
  const startServer = async (p = 0) => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await listen(p);
    port = (server.server.address() as AddressInfo).port;
  };
  const stopServer = () => new Promise<void>((resolve) => server.close(() => resolve()));

  beforeAll(() => startServer());
  afterAll(() => stopServer());

  it('delivers the rendered Chinese greeting', async () => {
    const sender = new EmailSender(`smtp://127.0.0.1:${port}`, '客户会 <club@example.com>');
    const result = await sender.send('zhang@example.com', render('greeting', 'zh', input), 'msg-1');
    sender.close();
    expect(result.ok).toBe(true);
    const mail = received.find((m) => m.to === 'zhang@example.com');
    expect(mail).toBeDefined();
    expect(mail!.raw).toContain('Message-ID: <msg-1@owners-club>');
    // the body is encoded (quoted-printable or base64): decode the text part
    const text = decodeBody(mail!.raw);
    expect(text).toContain('尊敬的张先生：');
  });

  it('reports SMTP down as a failure with its reason, and succeeds once it is back', async () => {
    await stopServer();
    const sender = new EmailSender(`smtp://127.0.0.1:${port}`, 'club@example.com');
    const down = await sender.send('li@example.com', render('greeting', 'zh', input), 'msg-2');
    expect(down.ok).toBe(false);
    expect(down.reason).toMatch(/ECONNREFUSED|connect/i);
    await startServer(port);
    const up = await sender.send('li@example.com', render('greeting', 'zh', input), 'msg-2');
    sender.close();
    expect(up.ok).toBe(true);
    expect(received.filter((m) => m.to === 'li@example.com')).toHaveLength(1);
  });
});

/** The text part of a single-part message, decoded from its Content-Transfer-Encoding. */
function decodeBody(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const encoding = /Content-Transfer-Encoding:\s*(\S+)/i.exec(head ?? '')?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

describe('SMS providers', () => {
  it('keep every SMS in the outbox when no gateway is configured', async () => {
    const { smsProviderFor } = await import('../../server/src/messaging/sms.ts');
    const outbox = smsProviderFor({});
    expect(outbox.name).toBe('outbox');
    expect(await outbox.send('13800000000', '生日快乐', 'k1')).toMatchObject({ ok: true, provider: 'outbox' });
  });

  it('post to the HTTP gateway with its key, and report its refusal', async () => {
    const { smsProviderFor } = await import('../../server/src/messaging/sms.ts');
    const { createServer } = await import('node:http');
    const seen: { auth?: string; body: string }[] = [];
    let status = 200;
    const gw = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        seen.push({ auth: req.headers.authorization, body });
        res.statusCode = status;
        res.end(status === 200 ? 'queued' : 'quota exceeded');
      });
    });
    await new Promise<void>((r) => gw.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(gw.address() as AddressInfo).port}/sms`;
    const provider = smsProviderFor({ smsGatewayUrl: url, smsGatewayKey: 'secret-key' });
    expect(provider.name).toBe('http');
    expect(await provider.send('13800000000', '中秋快乐', 'k2')).toMatchObject({ ok: true, reason: 'queued' });
    expect(seen[0]).toEqual({ auth: 'Bearer secret-key', body: JSON.stringify({ to: '13800000000', text: '中秋快乐', id: 'k2' }) });
    status = 429;
    expect(await provider.send('13800000000', '中秋快乐', 'k3')).toMatchObject({ ok: false, reason: 'HTTP 429 quota exceeded' });
    await new Promise<void>((r) => gw.close(() => r()));
  });
});

describe('the message queue on a real database', async () => {
  const pg = (await import('pg')).default;
  const { createTestDatabase } = await import('../support/database.ts');
  const { seedClub } = await import('../../prisma/seed/seed-club.ts');
  const { MessageQueue } = await import('../../server/src/messaging/message-queue.ts');
  const { OutboxSmsProvider } = await import('../../server/src/messaging/sms.ts');
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  let pool: InstanceType<typeof pg.Pool>;
  let admin: InstanceType<typeof pg.Pool>;
  const mails: string[] = [];
  let smtp: SMTPServer;
  let smtpPort = 0;
  const startSmtp = async (p = 0) => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _s, cb) {
        const c: Buffer[] = [];
        stream.on('data', (b: Buffer) => c.push(b));
        stream.on('end', () => { mails.push(Buffer.concat(c).toString('utf8')); cb(); });
      },
    });
    await new Promise<void>((r) => smtp.listen(p, '127.0.0.1', () => r()));
    smtpPort = (smtp.server.address() as AddressInfo).port;
  };
  const stopSmtp = () => new Promise<void>((r) => smtp.close(() => r()));
  let members: { id: number; regionCode: string }[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedClub(t.db, { members: 12, demoAccounts: false });
    pool = new pg.Pool({ connectionString: t.apiUrl });
    admin = new pg.Pool({ connectionString: t.url });
    await admin.query(`UPDATE members SET email = 'm' || id || '@example.com'`);
    members = (await admin.query(`SELECT m.id, p."regionCode" FROM members m JOIN projects p ON p.id = m."projectId" ORDER BY m.id LIMIT 6`)).rows;
    await startSmtp();
  }, 120_000);
  afterAll(async () => {
    await stopSmtp();
    await pool?.end();
    await admin?.end();
    await t?.drop();
  });

  const queue = async (key: string, channel: 'EMAIL' | 'SMS', member: { id: number; regionCode: string }) =>
    (await admin.query(
      `INSERT INTO messages ("idempotencyKey", channel, "memberId", "regionCode", "templateKey", subject, body, "updatedAt")
       VALUES ($1, $2, $3, $4, 'greeting', $5, $6, now()) ON CONFLICT ("idempotencyKey") DO NOTHING RETURNING id`,
      [key, channel, member.id, member.regionCode, render('greeting', 'zh', input).subject, `${render('greeting', 'zh', input).body}\n[${key}]`],
    )).rows[0]?.id as number | undefined;
  const state = async (key: string) => (await admin.query(`SELECT state, attempts, reason, provider, "nextAttemptAt" FROM messages WHERE "idempotencyKey" = $1`, [key])).rows[0];

  it('retries with back-off while SMTP is down, then delivers once it is back', async () => {
    const { EmailSender } = await import('../../server/src/messaging/email.ts');
    await queue('down-1', 'EMAIL', members[0]!);
    await stopSmtp();
    let clock = new Date('2026-12-04T02:00:00Z');
    const q = new MessageQueue(pool, { email: new EmailSender(`smtp://127.0.0.1:${smtpPort}`, 'club@example.com'), sms: new OutboxSmsProvider(), backoffBaseMs: 1000, now: () => clock });
    await q.runOnce();
    let s = await state('down-1');
    expect(s).toMatchObject({ state: 'QUEUED', attempts: 1 });
    expect(new Date(s.nextAttemptAt).getTime() - clock.getTime()).toBe(1000);
    clock = new Date(clock.getTime() + 1000);
    await q.runOnce();
    s = await state('down-1');
    expect(s).toMatchObject({ state: 'QUEUED', attempts: 2 });
    expect(new Date(s.nextAttemptAt).getTime() - clock.getTime()).toBe(2000);
    await startSmtp(smtpPort);
    clock = new Date(clock.getTime() + 2000);
    await q.runOnce();
    expect(await state('down-1')).toMatchObject({ state: 'SENT', attempts: 3, provider: 'smtp' });
    expect(mails.filter((m) => m.includes("<down-1@owners-club>"))).toHaveLength(1);
  });

  it('sends each of many messages exactly once across a stop and restart, and never to a member who declined', async () => {
    const { EmailSender } = await import('../../server/src/messaging/email.ts');
    await admin.query(`INSERT INTO message_consents ("memberId") VALUES ($1)`, [members[1]!.id]);
    for (let i = 0; i < 60; i++) await queue(`bulk-${i}`, 'EMAIL', members[i % 2 === 0 ? 2 : 3]!);
    expect(await queue('bulk-0', 'EMAIL', members[2]!)).toBeUndefined(); // the idempotency key holds
    await queue('declined-1', 'EMAIL', members[1]!);
    const sender = new EmailSender(`smtp://127.0.0.1:${smtpPort}`, 'club@example.com');
    const q1 = new MessageQueue(pool, { email: sender, sms: new OutboxSmsProvider(), batch: 5, pollMs: 5 });
    const sentBulk = async () => Number((await admin.query(`SELECT count(*) FROM messages WHERE "idempotencyKey" LIKE 'bulk-%' AND state = 'SENT'`)).rows[0].count);
    q1.start();
    while ((await sentBulk()) < 5) await new Promise((r) => setTimeout(r, 5));
    await q1.stop();
    // stopped part-way: some sent, the rest still queued, none left half-sent
    const afterStop = await sentBulk();
    expect(afterStop).toBeLessThan(60);
    expect(Number((await admin.query(`SELECT count(*) FROM messages WHERE state = 'SENDING'`)).rows[0].count)).toBe(0);
    const q2 = new MessageQueue(pool, { email: sender, sms: new OutboxSmsProvider(), batch: 5, pollMs: 5 });
    q2.start();
    // Until every message of this test is done with (the declined one too: the queue takes them in any order).
    for (let i = 0; i < 600; i++) {
      const left = Number((await admin.query(`SELECT count(*) FROM messages WHERE ("idempotencyKey" LIKE 'bulk-%' OR "idempotencyKey" = 'declined-1') AND state IN ('QUEUED', 'SENDING')`)).rows[0].count);
      if (left === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await q2.stop();
    for (let i = 0; i < 60; i++) expect(mails.filter((m) => m.includes(`<bulk-${i}@owners-club>`)), `bulk-${i}`).toHaveLength(1);
    expect(await state('declined-1')).toMatchObject({ state: 'FAILED', reason: 'the member declined messages' });
    expect(mails.some((m) => m.includes("<declined-1@owners-club>"))).toBe(false);
  }, 60_000);

  it('holds an SMS in quiet hours and keeps it in the outbox in the morning; email waits without SMTP_URL', async () => {
    await queue('sms-1', 'SMS', members[4]!);
    await queue('nosmtp-1', 'EMAIL', members[5]!);
    let clock = new Date('2026-12-04T14:30:00Z'); // 22:30 in China
    const q = new MessageQueue(pool, { sms: new OutboxSmsProvider(), now: () => clock });
    await q.runOnce();
    const held = await state('sms-1');
    expect(held).toMatchObject({ state: 'QUEUED', attempts: 0 });
    expect(new Date(held.nextAttemptAt).toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(await state('nosmtp-1')).toMatchObject({ state: 'QUEUED', reason: 'no SMTP server configured (SMTP_URL)' });
    clock = new Date('2026-12-05T00:00:00Z');
    await q.runOnce();
    expect(await state('sms-1')).toMatchObject({ state: 'SENT', provider: 'outbox' });
  });
});
