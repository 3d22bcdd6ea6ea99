// The members list under load: N members (default 100,000), 20 concurrent connections, filtered
// and sorted pages and searches, against the API in its own process. Prints p50/p95/p99 and req/s.
//   npm run bench -- members [--members 100000] [--connections 20] [--seconds 15]
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { openSeededDatabase } from './lib/bench-database.ts';
import { machineLine } from './lib/machine.ts';
import { runScenario, startApiProcess, visitEach, type Scenario } from './lib/load.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    connections: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '15' },
    database: { type: 'string', default: 'club_bench' },
  },
});
const wanted = Number(values.members);
const connections = Number(values.connections);
const seconds = Number(values.seconds);

console.log(machineLine());
const { handle, db } = await openSeededDatabase(values.database, wanted);
// A database in use is vacuumed by autovacuum; a freshly seeded one is not yet.
await db.$executeRawUnsafe('VACUUM ANALYZE');

// A throwaway account with a random password, removed at the end.
const username = `bench_${randomBytes(4).toString('hex')}`;
const password = randomBytes(12).toString('hex');
await db.staffUser.create({ data: { username, displayName: 'bench', role: 'member_officer', passwordHash: await hash(password) } });
const masked = `${username}_m`;
await db.staffUser.create({ data: { username: masked, displayName: 'bench', role: 'editor', passwordHash: await hash(password) } });

const api = await startApiProcess(handle.url);
const login = (user: string) => api.login(user, password);

const projects = await db.project.findMany({ select: { id: true }, orderBy: { id: 'asc' }, take: 10 });
const buildings = await db.building.findMany({ where: { projectId: projects[0].id }, select: { id: true }, take: 5 });
const total = await db.member.count();

const scenarios: (Omit<Scenario, 'token'> & { user: string })[] = [
  {
    name: 'filter by project, sort by name, page 3 (member officer, unmasked + audited)',
    user: username,
    paths: projects.map((p) => `/api/members?projectId=${p.id}&_sort=name&_order=asc&_start=40&_end=60`),
  },
  {
    name: 'the same pages for an editor (masked, nothing to audit)',
    user: masked,
    paths: projects.map((p) => `/api/members?projectId=${p.id}&_sort=name&_order=asc&_start=40&_end=60`),
  },
  {
    name: 'filter by project + building, sort by joinedOn desc (editor, masked)',
    user: masked,
    paths: buildings.map((b) => `/api/members?projectId=${projects[0].id}&buildingId=${b.id}&_sort=joinedOn&_order=desc&_start=0&_end=20`),
  },
  {
    name: 'search q (name or pinyin), default M-1 order',
    user: username,
    paths: ['王', 'LI', 'zhang', '陈', 'WEI'].map((q) => `/api/members?q=${encodeURIComponent(q)}&_start=0&_end=20`),
  },
  { name: 'first page, all members, default order', user: username, paths: ['/api/members?_start=0&_end=20'] },
];

console.log(`${total} members; ${connections} connections; ${seconds} s per scenario`);
// A freshly started API and database: each path once (cold index pages, nothing kept yet), then measure.
for (const s of scenarios) console.log(`warm-up: ${s.paths.length} paths once in ${(await visitEach(api.base, await login(s.user), s.paths, connections)).toFixed(1)} s`);
for (const s of scenarios) await runScenario(api.base, { ...s, token: await login(s.user) }, connections, seconds);

await api.stop();
await db.auditLog.count(); // keep the connection warm until the API is gone
await db.staffUser.deleteMany({ where: { username: { in: [username, masked] } } });
await db.$disconnect();
await handle.close();
