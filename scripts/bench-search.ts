// The members search as staff type it, under load: whole names in pinyin with and without the
// space, initials, a mobile's last four digits and the whole number, a room — 200 different
// texts each, taken from the seeded members, against the API in its own process.
//   npm run bench -- search [--members 100000] [--connections 20] [--seconds 15]
// The texts are built from the columns every version has (name, pinyin, mobile, building, unit),
// so the same script measures the code before the search keys too.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { pinyin } from 'pinyin-pro';
import { openSeededDatabase } from './lib/bench-database.ts';
import { machineLine } from './lib/machine.ts';
import { runScenario, startApiProcess, visitEach } from './lib/load.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    connections: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '15' },
    database: { type: 'string', default: 'club_bench_search' },
  },
});
const connections = Number(values.connections);
const seconds = Number(values.seconds);

console.log(machineLine());
const { handle, db } = await openSeededDatabase(values.database, Number(values.members));
await db.$executeRawUnsafe('VACUUM ANALYZE');

const username = `bench_${randomBytes(4).toString('hex')}`;
const password = randomBytes(12).toString('hex');
await db.staffUser.create({ data: { username, displayName: 'bench', role: 'member_officer', passwordHash: await hash(password) } });

// 200 members spread over the table (a fixed sample, so runs compare).
const sample = await db.$queryRawUnsafe<{ name: string; pinyin: string; mobile: string; building: string; unit: string }[]>(
  `SELECT m.name, m.pinyin, m.mobile, b.name AS building, u.number AS unit
     FROM members m JOIN units u ON u.id = m."unitId" JOIN buildings b ON b.id = m."buildingId"
    WHERE m.id % (SELECT greatest(1, count(*) / 200) FROM members) = 0 ORDER BY m.id LIMIT 200`,
);
const initials = (name: string) => pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed' }).join('');
const path = (q: string) => `/api/members?q=${encodeURIComponent(q)}&_start=0&_end=20`;
const scenarios = [
  { name: 'pinyin, whole name without the space ("wangyuqing")', paths: sample.map((m) => path(m.pinyin.replace(/\s+/g, '').toLowerCase())) },
  { name: 'pinyin, whole name with the space ("wang yuqing")', paths: sample.map((m) => path(m.pinyin.toLowerCase())) },
  { name: 'initials ("wyq")', paths: sample.map((m) => path(initials(m.name))) },
  { name: 'phone, last 4 digits', paths: sample.map((m) => path(m.mobile.slice(-4))) },
  { name: 'phone, whole mobile', paths: sample.map((m) => path(m.mobile)) },
  { name: 'room with its building ("3-502")', paths: sample.map((m) => path(`${m.building.match(/\d+/)?.[0] ?? ''}-${m.unit}`)) },
];

const api = await startApiProcess(handle.url);
const token = await api.login(username, password);
console.log(`${await db.member.count()} members; ${connections} connections; ${seconds} s per scenario; 200 texts each`);
// How many each finds (the first text's total), to see that a search finds what it should.
for (const s of scenarios) {
  const totals = await Promise.all(s.paths.slice(0, 20).map(async (p) => Number((await fetch(api.base + p, { headers: { authorization: `Bearer ${token}` } })).headers.get('x-total-count'))));
  console.log(`  ${s.name}: of 20 texts, ${totals.filter((t) => t > 0).length} find someone; median total ${totals.sort((a, b) => a - b)[10]}`);
}
for (const s of scenarios) console.log(`warm-up: ${s.paths.length} paths once in ${(await visitEach(api.base, token, s.paths, connections)).toFixed(1)} s`);
for (const s of scenarios) await runScenario(api.base, { ...s, token }, connections, seconds);

await api.stop();
await db.staffUser.deleteMany({ where: { username } });
await db.$disconnect();
await handle.close();
