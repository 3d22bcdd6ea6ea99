/**
 * SMS through one provider interface. With SMS_GATEWAY_URL (and SMS_GATEWAY_KEY) set, an HTTP
 * gateway sends them; without, the outbox provider accepts every message without sending it, so
 * the message is kept with state 'sent' and provider 'outbox' (the demo's default).
 */
export interface SmsResult {
  ok: boolean;
  /** The gateway's answer or the error; the outbox says so. */
  reason: string;
  provider: 'http' | 'outbox';
}

export interface SmsProvider {
  readonly name: 'http' | 'outbox';
  send(phone: string, text: string, idempotencyKey: string): Promise<SmsResult>;
}

export class OutboxSmsProvider implements SmsProvider {
  readonly name = 'outbox' as const;
  async send(): Promise<SmsResult> {
    return { ok: true, reason: 'kept in the outbox: no SMS gateway configured', provider: 'outbox' };
  }
}

/**
 * A JSON POST { to, text, id } with `Authorization: Bearer <key>`; a 2xx is sent, anything else a
 * failure with the status. `id` is the message's idempotency key, for gateways that drop repeats.
 */
export class HttpSmsProvider implements SmsProvider {
  readonly name = 'http' as const;
  constructor(private readonly url: string, private readonly key: string | undefined, private readonly timeoutMs = 10_000) {}

  async send(phone: string, text: string, idempotencyKey: string): Promise<SmsResult> {
    try {
      const res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.key ? { authorization: `Bearer ${this.key}` } : {}), 'idempotency-key': idempotencyKey },
        body: JSON.stringify({ to: phone, text, id: idempotencyKey }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const answer = (await res.text()).slice(0, 500);
      return { ok: res.ok, reason: res.ok ? answer : `HTTP ${res.status} ${answer}`.trim(), provider: 'http' };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error), provider: 'http' };
    }
  }
}

export function smsProviderFor(config: { smsGatewayUrl?: string; smsGatewayKey?: string }): SmsProvider {
  return config.smsGatewayUrl ? new HttpSmsProvider(config.smsGatewayUrl, config.smsGatewayKey) : new OutboxSmsProvider();
}
