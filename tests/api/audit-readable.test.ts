// The audit log reads as people think: names not usernames, the API's resource names, and list
// page reads grouped per day so that the real events stand out (M-11).
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useApi } from '../support/fixture.ts';

const f = useApi({ members: 40, users: ['manager', 'officer'] });

async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: f.t.url });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

describe('a readable audit log', () => {
  it('shows who by name, what kind of entry, and list reads apart from events', async () => {
    // The officer opens the members list three times (unmasked list reads) and edits one member (an event).
    for (let i = 0; i < 3; i++) expect((await f.call('GET', '/api/members?_start=0&_end=10', { token: f.tokens.officer })).status).toBe(200);
    const member = await f.db.member.findFirstOrThrow();
    expect((await f.call('PATCH', `/api/members/${member.id}`, { token: f.tokens.officer, body: { hobbyOther: '书法' } })).status).toBe(200);

    const officer = await f.db.staffUser.findUniqueOrThrow({ where: { username: 'officer' } });
    const events = await f.call('GET', `/api/audit-log?kind=EVENT&actorId=${officer.id}`, { token: f.tokens.manager });
    expect(events.status).toBe(200);
    expect(events.body.length).toBeGreaterThan(0);
    expect(events.body.every((e: any) => e.action !== 'READ_UNMASKED' && e.kind === 'EVENT')).toBe(true);
    const update = events.body.find((e: any) => e.action === 'UPDATE' && e.resource === 'members');
    expect(update).toMatchObject({ actorName: 'officer', actorDisplayName: officer.displayName, recordId: String(member.id) });
    expect(officer.displayName).not.toBe('officer');

    const listReads = await f.call('GET', `/api/audit-log?kind=LIST_READ&actorId=${officer.id}`, { token: f.tokens.manager });
    expect(listReads.body.length).toBe(3);
    expect(listReads.body.every((e: any) => e.records === 10 && e.recordId === null)).toBe(true);

    const grouped = await f.call('GET', `/api/audit-log/list-reads?actorId=${officer.id}`, { token: f.tokens.manager });
    expect(grouped.status).toBe(200);
    const [{ views, records }] = await sql<{ views: number; records: number }>(
      `SELECT count(*)::int views, sum(jsonb_array_length(detail->'ids'))::int records FROM audit_log WHERE action = 'READ_UNMASKED' AND "recordId" IS NULL AND "actorId" = $1 AND resource = 'members'`,
      [officer.id],
    );
    const row = grouped.body.find((g: any) => g.resource === 'members');
    expect(row).toMatchObject({ views, records, actorDisplayName: officer.displayName });
    expect(views).toBe(3);
    expect(Number(grouped.headers.get('x-total-count'))).toBe(grouped.body.length);
  });

  it('resources are the API’s names, whatever older entries were written as', async () => {
    const r = await f.call('GET', '/api/audit-log?_start=0&_end=500', { token: f.tokens.manager });
    expect(r.body.every((e: any) => !e.resource.includes('_'))).toBe(true);
    expect((await f.call('GET', '/api/audit-log?kind=SOMETHING', { token: f.tokens.manager })).status).toBe(400);
  });
});
