// Records (M-6, M-11): what the field-level history and the change-request queue cost.
// In-process API over its own database; sequential requests, so the figures are latencies.
//   npm run bench -- records [--members 5000] [--requests 5000] [--edits 300]
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createApp } from '../server/src/create-app.ts';
import { migrate } from '../server/src/database/migrate.ts';
import { createPrismaClient } from '../server/src/database/prisma.service.ts';
import { seedClub } from '../prisma/seed/seed-club.ts';
import { DEMO_PASSWORD } from '../prisma/seed/factories.ts';
import { testConfig } from '../tests/support/api.ts';
import { openDatabase } from './lib/database.ts';
import { machineLine, percentile } from './lib/machine.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '5000' },
    requests: { type: 'string', default: '5000' },
    edits: { type: 'string', default: '300' },
    database: { type: 'string', default: 'club_bench_records' },
  },
});
const members = Number(values.members);
const requests = Number(values.requests);
const edits = Number(values.edits);

console.log(machineLine());
const handle = await openDatabase({ database: values.database, reset: true });
await migrate(handle.url);
const db = createPrismaClient(handle.url);
await seedClub(db, { members, demoAccounts: true });

// A backlog of change requests (a quarter of them overdue) and a long history for one member.
const ids = (await db.member.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((m) => m.id);
const officer = await db.staffUser.findUniqueOrThrow({ where: { username: 'officer' } });
const day = (offset: number) => new Date(Date.UTC(2026, 10, 23 - offset));
await db.changeRequest.createMany({
  data: Array.from({ length: requests }, (_, i) => ({
    memberId: ids[i % ids.length],
    channel: (['FAX', 'EMAIL', 'LETTER', 'IN_PERSON'] as const)[i % 4],
    receivedOn: day(i % 60),
    dueOn: day((i % 60) - 1),
    description: `变更申请 ${i}`,
    status: i % 4 === 0 ? 'OPEN' : i % 4 === 1 ? 'REJECTED' : 'APPLIED',
    createdById: officer.id,
  })),
});
await db.$executeRawUnsafe('ANALYZE');

const app = await createApp(testConfig({ jwtSecret: randomBytes(16).toString('hex') }), db, { logLevels: ['error'] });
await app.listen(0, '127.0.0.1');
const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
const token = ((await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'officer', password: DEMO_PASSWORD }) })).json()) as { token: string }).token;
const call = async (method: string, path: string, body?: unknown) => {
  const t0 = performance.now();
  const r = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  await r.arrayBuffer();
  if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status}`);
  return performance.now() - t0;
};
const report = (name: string, ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  console.log(`${name.padEnd(70)} n=${String(s.length).padStart(4)}  p50 ${percentile(s, 50).toFixed(1)} ms  p95 ${percentile(s, 95).toFixed(1)} ms  p99 ${percentile(s, 99).toFixed(1)} ms`);
};

const target = ids[0];
const patch: number[] = [];
for (let i = 0; i < edits; i++) patch.push(await call('PATCH', `/api/members/${target}`, { carPlate: `苏A${String(10000 + i)}`, mobile: `1370000${String(1000 + i)}` }));
report('PATCH member (2 fields; history rows written in the transaction)', patch);

const history: number[] = [];
const rows = await db.memberChange.count({ where: { memberId: target } });
for (let i = 0; i < 100; i++) history.push(await call('GET', `/api/members/${target}/history?_start=${(i % 20) * 20}&_end=${(i % 20) * 20 + 20}`));
report(`GET member history, 20 a page (${rows} rows for the member; unmasked + audited)`, history);

const queue: number[] = [];
for (let i = 0; i < 100; i++) queue.push(await call('GET', `/api/change-requests?overdue=true&_sort=dueOn&_order=asc&_start=${(i % 10) * 20}&_end=${(i % 10) * 20 + 20}`));
report(`GET change requests, overdue, sorted by due date (${requests} requests)`, queue);

const created: number[] = [];
for (let i = 0; i < 100; i++) created.push(await call('POST', '/api/change-requests', { memberId: ids[i + 1], channel: 'FAX', receivedOn: '2026-09-30', description: '基准测试', changes: { carModel: '大众' } }));
report('POST change request (due date from the working-day calendar)', created);

const wd: number[] = [];
for (let i = 0; i < 200; i++) wd.push(await call('GET', `/api/calendar/working-days?from=2026-0${1 + (i % 9)}-15&add=${i % 30}`));
report('GET working days from + N (cached calendar)', wd);

await app.close();
await db.$disconnect();
await handle.close();
