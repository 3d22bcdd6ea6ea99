// The member list and the overdue view (M-6) at 1,000,000 members and ~50,000 applications:
// 20 concurrent connections against the API in its own process. Prints p50/p95/p99 and req/s.
// The Prisma seeder is far too slow for a million members, so this fills the database with
// INSERT … SELECT generate_series (about a minute).
//   npm run bench -- overdue [--members 1000000] [--applications 50000] [--connections 20] [--seconds 15]
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { migrate } from '../server/src/database/migrate.ts';
import { openDatabase } from './lib/database.ts';
import { machineLine } from './lib/machine.ts';
import { runScenario, startApiProcess, visitEach, type Scenario } from './lib/load.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '1000000' },
    applications: { type: 'string', default: '50000' },
    connections: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '15' },
    database: { type: 'string', default: 'club_bench_overdue' },
  },
});
const wanted = Number(values.members);
const wantedApps = Number(values.applications);
const connections = Number(values.connections);
const seconds = Number(values.seconds);

// Names from common surnames and given names; pinyin alongside so search works.
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'];
const surnamesPy = ['WANG', 'LI', 'ZHANG', 'LIU', 'CHEN', 'YANG', 'HUANG', 'ZHAO', 'WU', 'ZHOU', 'XU', 'SUN', 'MA', 'ZHU', 'HU', 'GUO', 'HE', 'LIN', 'GAO', 'LUO'];
const given = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '晓梅', '建国', '子涵', '浩然', '欣怡', '宇轩', '梓萱'];
const givenPy = ['WEI', 'FANG', 'NA', 'XIU YING', 'MIN', 'JING', 'LI', 'QIANG', 'LEI', 'JUN', 'YANG', 'YONG', 'YAN', 'JIE', 'JUAN', 'TAO', 'MING', 'CHAO', 'XIU LAN', 'XIA', 'PING', 'GANG', 'GUI YING', 'XIAO MEI', 'JIAN GUO', 'ZI HAN', 'HAO RAN', 'XIN YI', 'YU XUAN', 'ZI XUAN'];

/**
 * Households of one owner each; every household has the owner as a member and the first
 * (members - households) households also a spouse, so the member count is exact.
 */
async function generate(client: pg.Client, members: number, applications: number): Promise<void> {
  const households = Math.ceil(members / 1.5);
  const projects = 100;
  const buildingsPerProject = 20;
  const unitsPerBuilding = Math.ceil(households / (projects * buildingsPerProject));
  const spouses = members - households;
  const q = async (label: string, sql: string) => {
    const t0 = Date.now();
    const r = await client.query(sql);
    console.log(`  ${label}: ${r.rowCount ?? 0} rows, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  await q('regions', `INSERT INTO regions (code, name) VALUES ('NJ','南京区域'),('SH','上海区域'),('SZ','深圳区域'),('CD','成都区域') ON CONFLICT DO NOTHING`);
  await q(
    'projects',
    `INSERT INTO projects (id, code, name, "regionCode", city, address)
     SELECT p, 'B' || lpad(p::text, 4, '0'), (ARRAY['翠湖','锦绣','御景','滨江','紫金','枫林','星河','云栖','香樟','金域'])[1 + p % 10] || (p / 10 + 1) || '期',
            (ARRAY['NJ','SH','SZ','CD'])[1 + p % 4], (ARRAY['南京','上海','深圳','成都'])[1 + p % 4], '示例路' || p || '号'
     FROM generate_series(1, ${projects}) p`,
  );
  await q(
    'buildings',
    `INSERT INTO buildings (id, "projectId", name, "sortOrder")
     SELECT (p - 1) * ${buildingsPerProject} + b, p, b || '栋', b FROM generate_series(1, ${projects}) p, generate_series(1, ${buildingsPerProject}) b`,
  );
  await q(
    'units',
    `INSERT INTO units (id, "projectId", "buildingId", number, floor)
     SELECT u, (u - 1) / ${unitsPerBuilding * buildingsPerProject} + 1, (u - 1) / ${unitsPerBuilding} + 1,
            lpad((((u - 1) % ${unitsPerBuilding}) / 4 + 1)::text, 2, '0') || lpad((((u - 1) % 4) + 1)::text, 2, '0'), ((u - 1) % ${unitsPerBuilding}) / 4 + 1
     FROM generate_series(1, ${households}) u`,
  );
  await q(
    'households',
    `INSERT INTO households (id, "unitId", "projectId", "contractNo", "purchasedOn")
     SELECT u, u, (u - 1) / ${unitsPerBuilding * buildingsPerProject} + 1, 'HT' || u, DATE '2015-01-01' + (u % 3000) FROM generate_series(1, ${households}) u`,
  );
  await q(
    'household_owners',
    `INSERT INTO household_owners (id, "householdId", name, "idNumber", mobile)
     SELECT u, u, 'owner' || u, '3201061970' || lpad((u % 10000)::text, 4, '0') || lpad((u % 10000)::text, 4, '0'), '139' || lpad(u::text, 8, '0') FROM generate_series(1, ${households}) u`,
  );
  const arr = (a: string[]) => `(ARRAY[${a.map((s) => `'${s}'`).join(',')}])`;
  await q(
    'members',
    `INSERT INTO members (id, "householdId", "projectId", "buildingId", "unitId", "regionCode", "ownerId", relation, "joinedOn",
                          title, name, pinyin, sex, "birthDate", "idNumber", mobile, "joinReasons", "updatedAt")
     SELECT m, h, (h - 1) / ${unitsPerBuilding * buildingsPerProject} + 1, (h - 1) / ${unitsPerBuilding} + 1, h,
            (ARRAY['NJ','SH','SZ','CD'])[1 + ((h - 1) / ${unitsPerBuilding * buildingsPerProject} + 1) % 4], h,
            CASE WHEN m <= ${households} THEN 'OWNER'::"Relation" ELSE 'SPOUSE'::"Relation" END,
            DATE '2018-01-01' + (m % 2900),
            CASE WHEN m % 2 = 0 THEN 'MR'::"Title" ELSE 'MRS'::"Title" END,
            ${arr(surnames)}[1 + m % ${surnames.length}] || ${arr(given)}[1 + (m / 20) % ${given.length}],
            ${arr(surnamesPy)}[1 + m % ${surnames.length}] || ' ' || ${arr(givenPy)}[1 + (m / 20) % ${given.length}],
            CASE WHEN m % 2 = 0 THEN 'MALE'::"Sex" ELSE 'FEMALE'::"Sex" END,
            DATE '1950-01-01' + (m % 18000),
            '320106' || to_char(DATE '1950-01-01' + (m % 18000), 'YYYYMMDD') || lpad((m % 10000)::text, 4, '0'),
            '13' || lpad((m % 1000000000)::text, 9, '0'), '{}', now()
     FROM (SELECT m, CASE WHEN m <= ${households} THEN m ELSE m - ${households} END AS h FROM generate_series(1, ${households + spouses}) m) s`,
  );
  // Applications in every state; receivedOn over the last 120 days, so the earlier steps are overdue.
  await q(
    'applications',
    `INSERT INTO applications (id, "applicationNo", "householdId", "ownerId", "projectId", "regionCode", form, "applicantName", "applicantIdNumber",
                               "collectionPoint", "receivedOn", "receivedById", status, "dueOn", "documentsPresent", "missingItems", "completeOn", "updatedAt")
     SELECT a, 'SQ2026-' || lpad(a::text, 6, '0'), h, h, (h - 1) / ${unitsPerBuilding * buildingsPerProject} + 1,
            (ARRAY['NJ','SH','SZ','CD'])[1 + ((h - 1) / ${unitsPerBuilding * buildingsPerProject} + 1) % 4], '{}'::jsonb,
            ${arr(surnames)}[1 + a % ${surnames.length}] || ${arr(given)}[1 + (a / 7) % ${given.length}], '320106198001011234',
            (ARRAY['MANAGEMENT_OFFICE','CLUBHOUSE','IN_PERSON','MAIL'])[1 + a % 4]::"CollectionPoint",
            CURRENT_DATE - (a % 120), 1, st::"ApplicationStatus",
            CASE WHEN st IN ('ISSUED','REJECTED','CARD_READY') THEN NULL
                 WHEN st IN ('RECEIVED','INCOMPLETE') THEN CURRENT_DATE - (a % 120) + 4
                 WHEN st IN ('COMPLETE','VERIFIED') THEN CURRENT_DATE - (a % 120) + 7
                 ELSE CURRENT_DATE - (a % 120) + 30 END,
            '{}', '{}', CASE WHEN st IN ('RECEIVED','INCOMPLETE') THEN NULL ELSE CURRENT_DATE - (a % 120) + 2 END, now()
     FROM (SELECT a, 1 + (a * 7919) % ${households} AS h,
                  (ARRAY['RECEIVED','INCOMPLETE','COMPLETE','VERIFIED','APPROVED','CARD_IN_PRODUCTION','CARD_READY','ISSUED','ISSUED','ISSUED','REJECTED'])[1 + a % 11] AS st
           FROM generate_series(1, ${applications}) a) s`,
  );
  for (const t of ['projects', 'buildings', 'units', 'households', 'household_owners', 'members', 'applications']) {
    await client.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), (SELECT max(id) FROM ${t}))`);
  }
}

console.log(machineLine());
let handle = await openDatabase({ database: values.database });
await migrate(handle.url);
let client = new pg.Client({ connectionString: handle.url });
await client.connect();
const have = Number((await client.query('SELECT count(*) AS n FROM members')).rows[0].n);
const haveApps = Number((await client.query('SELECT count(*) AS n FROM applications')).rows[0].n);
if (have !== wanted || haveApps !== wantedApps) {
  console.log(`database ${values.database} has ${have} members / ${haveApps} applications; generating ${wanted} / ${wantedApps}…`);
  await client.end();
  await handle.close();
  handle = await openDatabase({ database: values.database, reset: true });
  await migrate(handle.url);
  client = new pg.Client({ connectionString: handle.url });
  await client.connect();
  const t0 = Date.now();
  await generate(client, wanted, wantedApps);
  console.log(`  generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
// A database in use is vacuumed by autovacuum (visibility map set, index-only counts); a fresh one is not yet.
await client.query('VACUUM ANALYZE');

// Throwaway accounts with a random password, removed at the end.
const password = randomBytes(12).toString('hex');
const passwordHash = await hash(password);
const prefix = `bench_${randomBytes(4).toString('hex')}`;
const accounts = { officer: `${prefix}_o`, manager: `${prefix}_m` };
await client.query(
  `INSERT INTO staff_users (username, "displayName", role, "passwordHash") VALUES ($1, 'bench', 'member_officer', $3), ($2, 'bench', 'club_manager', $3)`,
  [accounts.officer, accounts.manager, passwordHash],
);

const api = await startApiProcess(handle.url);
const login = (user: string) => api.login(user, password);

const projectIds = (await client.query('SELECT id FROM projects ORDER BY id')).rows.map((r) => r.id as number);
const counts = (await client.query(`SELECT (SELECT count(*) FROM members) AS m, (SELECT count(*) FROM applications) AS a, (SELECT count(*) FROM applications WHERE "dueOn" < CURRENT_DATE) AS o`)).rows[0];

const memberPaths = projectIds.flatMap((p) => [0, 20, 40].map((s) => `/api/members?projectId=${p}&_sort=name&_order=asc&_start=${s}&_end=${s + 20}`));
// What staff type at the counter: a whole name (600 different ones, about 1,700 members each at a
// million — too few to keep their totals), or a surname alone (about 50,000 each: kept).
const fullNames = surnames.flatMap((s) => given.map((g) => s + g));
const namePaths = fullNames.map((n) => `/api/members?q=${encodeURIComponent(n)}&_start=0&_end=20`);
const pinyinNamePaths = surnamesPy.flatMap((s) => givenPy.map((g) => `/api/members?q=${encodeURIComponent(`${s} ${g}`.toLowerCase())}&_start=0&_end=20`));
const surnamePaths = [...surnames, ...surnamesPy.map((p) => p.toLowerCase())].map((n) => `/api/members?q=${encodeURIComponent(n)}&_start=0&_end=20`);
const overduePaths = [0, 1, 5, 20, 50].map((p) => `/api/applications?overdue=true&_sort=dueOn&_order=asc&_start=${p * 20}&_end=${p * 20 + 20}`);
const scenarios: (Omit<Scenario, 'token'> & { user: string })[] = [
  {
    name: 'members: filter by project (100 projects), sort by name, pages 1–3 (member officer, unmasked + audited)',
    user: accounts.officer,
    paths: memberPaths,
  },
  { name: 'members: search a whole name (600 names, ~1,700 matches each)', user: accounts.officer, paths: namePaths },
  { name: 'members: search a whole name in pinyin (600 names, ~1,700 matches each)', user: accounts.officer, paths: pinyinNamePaths },
  { name: 'members: search a surname, Chinese or pinyin (40 terms, ~50,000 matches each)', user: accounts.officer, paths: surnamePaths },
  { name: 'members: first page of all 1,000,000, M-1 order', user: accounts.officer, paths: ['/api/members?_start=0&_end=20'] },
  { name: 'overdue view: /api/applications?overdue=true&_sort=dueOn, first page', user: accounts.officer, paths: ['/api/applications?overdue=true&_sort=dueOn&_order=asc&_start=0&_end=20'] },
  {
    name: 'overdue view, later pages',
    user: accounts.officer,
    paths: overduePaths.slice(1),
  },
  { name: 'my tasks, overdue only (member officer)', user: accounts.officer, paths: ['/api/applications/tasks?overdueOnly=true&_start=0&_end=20'] },
  { name: 'my tasks (club manager: everything overdue)', user: accounts.manager, paths: ['/api/applications/tasks?_start=0&_end=20'] },
];

console.log(`${counts.m} members; ${counts.a} applications (${counts.o} overdue); ${connections} connections; ${seconds} s per scenario`);
// A freshly started API and database: the first pass over each list reads cold index pages and
// fills the kept totals and place names. Shown, then measured in the steady state.
const allPaths = [...memberPaths, ...namePaths, ...pinyinNamePaths, ...surnamePaths, ...overduePaths];
const officerToken = await login(accounts.officer);
console.log(`warm-up (not the figures below): every one of ${allPaths.length} paths once, in ${(await visitEach(api.base, officerToken, allPaths, connections)).toFixed(1)} s; then 5 s of load:`);
await runScenario(api.base, { name: 'every path again', paths: allPaths, token: officerToken }, connections, 5);
for (const s of scenarios) await runScenario(api.base, { ...s, token: await login(s.user) }, connections, seconds);

// Large totals are kept until their table changes (server/src/crud/list-totals.ts). Two harder cases:
// the tables changing all the time (each change makes every kept total stale), and nothing kept.
const changes = { members: 0, applications: 0 };
const writer = setInterval(() => {
  void client.query('UPDATE members SET "updatedAt" = now() WHERE id = $1', [1 + Math.floor(Math.random() * Number(counts.m))]).then(() => changes.members++);
  void client.query('UPDATE applications SET "updatedAt" = now() WHERE id = $1', [1 + Math.floor(Math.random() * Number(counts.a))]).then(() => changes.applications++);
}, 200);
console.log('while a member and an application change every 200 ms:');
await runScenario(api.base, { name: 'members list (as above)', paths: memberPaths, token: await login(accounts.officer) }, connections, seconds);
await runScenario(api.base, { name: 'overdue view, pages 1–51', paths: overduePaths, token: await login(accounts.officer) }, connections, seconds);
clearInterval(writer);
console.log(`  (${changes.members} member and ${changes.applications} application changes)`);
await api.stop();

const counting = await startApiProcess(handle.url, { LIST_TOTAL_CACHE_MIN_ROWS: String(1_000_000_000) });
console.log('totals counted on every request (LIST_TOTAL_CACHE_MIN_ROWS=1000000000; place names still kept), after the same warm-up:');
const countingToken = await counting.login(accounts.officer, password);
await visitEach(counting.base, countingToken, [...memberPaths, ...overduePaths], connections);
await runScenario(counting.base, { name: 'warm-up', paths: [...memberPaths, ...overduePaths], token: countingToken }, connections, 5);
await runScenario(counting.base, { name: 'members list (as above)', paths: memberPaths, token: await counting.login(accounts.officer, password) }, connections, seconds);
await runScenario(counting.base, { name: 'overdue view, pages 1–51', paths: overduePaths, token: await counting.login(accounts.officer, password) }, connections, seconds);
await counting.stop();
await client.query('DELETE FROM staff_users WHERE username = ANY($1)', [[accounts.officer, accounts.manager]]);
await client.end();
await handle.close();
