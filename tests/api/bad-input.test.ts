// Bad input never produces a 5xx: malformed JSON, wrong types, unknown fields, over-long strings,
// SQL-looking strings, missing and foreign ids — each gets a 4xx with a message.
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationFor, householdIn } from '../support/member-payload.ts';
import { useApi } from '../support/fixture.ts';

const f = useApi({ members: 60, users: ['manager'] });

let valid: Record<string, unknown>;

beforeAll(async () => {
  valid = applicationFor(await householdIn(f.db, 'NJ'));
});

function expectClientError(r: { status: number; body: any }, label: string) {
  expect(r.status, `${label}: ${JSON.stringify(r.body).slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(r.status, label).toBeLessThan(500);
  expect(typeof r.body?.message, label).toBe('string');
  expect(r.body.message.length, label).toBeGreaterThan(0);
}

const SQLISH = ["'; DROP TABLE members; --", "1' OR '1'='1", '1; SELECT pg_sleep(5)', '$$ \\x00 %', '<script>alert(1)</script>'];

describe('bodies', () => {
  it('malformed JSON', async () => {
    for (const raw of ['{bad', '{"name": }', '[', 'null', '"text"', '123', '']) {
      const r = await f.call('POST', '/api/members', { token: f.tokens.manager, raw });
      expectClientError(r, `raw ${JSON.stringify(raw)}`);
    }
    const wrongType = await f.call('POST', '/api/members', { token: f.tokens.manager, raw: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectClientError(wrongType, 'form-encoded body');
  });

  it('wrong types on every field, each reported on its path', async () => {
    const wrong: Record<string, unknown> = { householdId: 'abc', ownerId: -1, relation: 5, title: 'SIR', name: 42, sex: true, birthDate: '1985-13-45', mobile: 123, hobbyIds: 'x', familyMembers: [{ name: 7 }], joinReasons: ['NONE'], extra: [1] };
    for (const [field, value] of Object.entries(wrong)) {
      const r = await f.call('POST', '/api/members', { token: f.tokens.manager, body: { ...valid, [field]: value } });
      expectClientError(r, field);
      expect(r.status).toBe(400);
      expect(Object.keys(r.body.errors).some((k) => k === field || k.startsWith(`${field}.`)), `${field} in ${JSON.stringify(r.body.errors)}`).toBe(true);
    }
  });

  it('unknown fields', async () => {
    const r = await f.call('POST', '/api/members', { token: f.tokens.manager, body: { ...valid, isAdmin: true } });
    expect(r.status).toBe(400);
    expect(r.body.errors.isAdmin).toBeDefined();
    const nested = await f.call('POST', '/api/members', { token: f.tokens.manager, body: { ...valid, familyMembers: [{ name: '甲', salary: 1 }] } });
    expect(nested.body.errors['familyMembers.0.salary']).toBeDefined();
  });

  it('over-long strings and oversized bodies', async () => {
    for (const field of ['name', 'homeAddress', 'employer', 'carPlate', 'email']) {
      const r = await f.call('POST', '/api/members', { token: f.tokens.manager, body: { ...valid, [field]: 'x'.repeat(5000) } });
      expect(r.status, field).toBe(400);
      expect(r.body.errors[field], field).toBeDefined();
    }
    const huge = await f.call('POST', '/api/members', { token: f.tokens.manager, raw: JSON.stringify({ ...valid, name: 'x'.repeat(2_000_000) }) });
    expect(huge.status).toBe(413);
  });

  it('SQL-looking strings are data, not code', async () => {
    const count = await f.db.member.count();
    for (const s of SQLISH) {
      const r = await f.call('POST', '/api/members', { token: f.tokens.manager, body: { ...valid, hobbyOther: s, carModel: s, idNumber: s } });
      expectClientError(r, s);
    }
    const ok = await f.call('PATCH', `/api/members/${(await f.db.member.findFirstOrThrow()).id}`, { token: f.tokens.manager, body: { hobbyOther: SQLISH[0] } });
    expect(ok.status).toBe(200);
    expect(ok.body.hobbyOther).toBe(SQLISH[0]);
    expect(await f.db.member.count()).toBe(count);
  });
});

describe('queries and ids', () => {
  it('SQL-looking and malformed list parameters', async () => {
    for (const qs of [...SQLISH.map((s) => `q=${encodeURIComponent(s)}`), 'projectId=abc', 'projectId=99999999999', '_sort=password', '_order=sideways', '_start=-5', '_start=a', 'joinedOn_gte=yesterday', 'sex=OTHER', 'name_gte=a&name_gte=b', 'unknownField=1', `q=${'x'.repeat(500)}`]) {
      const r = await f.call('GET', `/api/members?${qs}`, { token: f.tokens.manager });
      if (qs.startsWith('q=') && r.status === 200) {
        expect(Array.isArray(r.body), qs).toBe(true);
        continue;
      }
      expectClientError(r, qs);
    }
  });

  it('missing and foreign ids', async () => {
    for (const id of ['0', '999999', '-1', 'abc', '1.5', '99999999999', "1'--"]) {
      for (const method of ['GET', 'PATCH', 'DELETE']) {
        const r = await f.call(method, `/api/members/${encodeURIComponent(id)}`, { token: f.tokens.manager, body: method === 'PATCH' ? { name: '甲' } : undefined });
        expect(r.status, `${method} ${id}`).toBe(404);
      }
    }
    const missingHousehold = await f.call('POST', '/api/members', { token: f.tokens.manager, body: { ...valid, householdId: 999999 } });
    expect(missingHousehold.status).toBe(400);
    expect(missingHousehold.body.errors.householdId).toBeDefined();
    const missingOwner = await f.call('POST', '/api/members', { token: f.tokens.manager, body: { ...valid, ownerId: 999999 } });
    expect(missingOwner.body.errors.ownerId).toBeDefined();
    const missingHobby = await f.call('POST', '/api/members', { token: f.tokens.manager, body: { ...valid, hobbyIds: [999] } });
    expect(missingHobby.status).toBe(400);
    expect(missingHobby.body.errors.hobbyIds).toBeDefined();
    expect((await f.call('GET', '/api/nothing-here', { token: f.tokens.manager })).status).toBe(404);
    expect((await f.call('GET', '/api/projects/abc', { token: f.tokens.manager })).status).toBe(404);
  });

  it('random junk bodies never cause a 5xx', async () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const junk = (depth: number): unknown => {
      const k = Math.floor(rand() * 7);
      if (depth > 2 || k === 0) return Math.floor(rand() * 1e6) - 5e5;
      if (k === 1) return SQLISH[Math.floor(rand() * SQLISH.length)];
      if (k === 2) return null;
      if (k === 3) return rand() > 0.5;
      if (k === 4) return [junk(depth + 1), junk(depth + 1)];
      if (k === 5) return '1990-02-30';
      return Object.fromEntries(Object.keys(valid).slice(0, 8).map((key) => [key, junk(depth + 1)]));
    };
    for (let i = 0; i < 60; i++) {
      const body = { ...valid, ...(junk(0) as object) };
      const key = Object.keys(valid)[i % Object.keys(valid).length];
      const r = await f.call(i % 2 ? 'POST' : 'PATCH', i % 2 ? '/api/members' : `/api/members/${(await f.db.member.findFirstOrThrow()).id}`, {
        token: f.tokens.manager,
        body: { ...body, [key]: junk(1) },
      });
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(500);
    }
  });
});
