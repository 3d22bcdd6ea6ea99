import nodemailer from 'nodemailer';
import type { Rendered } from './templates.js';

export interface EmailSendResult {
  ok: boolean;
  /** SMTP's answer or the error, kept on the message as its reason. */
  reason: string;
}

/**
 * Email through nodemailer to SMTP_URL (smtp://user:pass@host:port). Without SMTP_URL the
 * sender is absent and messages stay queued with that reason — nothing crashes.
 * The idempotency key becomes the Message-ID so a receiving server can drop a repeat.
 */
export class EmailSender {
  private readonly transport;

  constructor(smtpUrl: string, private readonly from: string) {
    this.transport = nodemailer.createTransport(smtpUrl, { connectionTimeout: 10_000, socketTimeout: 20_000 } as never);
  }

  async send(to: string, message: Rendered, idempotencyKey: string): Promise<EmailSendResult> {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to,
        subject: message.subject,
        text: message.body,
        messageId: `<${idempotencyKey}@owners-club>`,
      });
      return { ok: true, reason: String(info.response ?? '') };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  close(): void {
    this.transport.close();
  }
}
