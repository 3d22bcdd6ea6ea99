// npm start: the whole system on one machine. PostgreSQL (embedded unless DATABASE_URL is set),
// migrations, demo data on an empty database, Cube, and the API serving the admin.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../server/src/config/app-config.ts';
import { createApp } from '../server/src/create-app.ts';
import { migrate } from '../server/src/database/migrate.ts';
import { createPrismaClient } from '../server/src/database/prisma.service.ts';
import { checkApiRole } from '../server/src/database/grants.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../prisma/seed/factories.ts';
import { isEmpty, seedClub } from '../prisma/seed/seed-club.ts';
import { seedCards } from '../prisma/seed/seed-cards.ts';
import { seedApplications } from '../prisma/seed/seed-applications.ts';
import { spawnCube } from './lib/cube-process.ts';
import { openDatabase } from './lib/database.ts';

const DEMO_MEMBERS = Number(process.env.DEMO_MEMBERS ?? 1500);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (m: string) => console.log(`[club] ${m}`);

const config = loadConfig();
const stops: (() => Promise<unknown>)[] = [];
let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    say('stopping…');
    // Reverse order: API, Cube, then the database they use.
    for (const stop of stops.reverse()) await stop().catch((e) => console.error(e));
    say('stopped');
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  say(config.databaseUrl ? 'using the PostgreSQL at DATABASE_URL' : `starting the embedded PostgreSQL on port ${config.pgPort} (data in ${join(config.dataDir, 'postgres')})`);
  const database = await openDatabase();
  stops.push(() => database.close());
  // Migrations as the owner of the tables; the API and Cube connect as roles that own nothing.
  if (!database.embedded && !config.databaseOwnerUrl) {
    say('warning: DATABASE_OWNER_URL is not set, so migrations and the API both use DATABASE_URL (see README, "Using an existing PostgreSQL")');
  }
  const applied = await migrate(database.ownerUrl, database.roles);
  if (applied.length) say(`applied migrations: ${applied.join(', ')}`);
  const excess = await checkApiRole(database.apiUrl);
  if (excess) say(`warning: ${excess}; give the API a role of its own (README, "Using an existing PostgreSQL")`);

  const db = createPrismaClient(database.apiUrl, 20);
  stops.push(() => db.$disconnect());
  let seeded = false;
  if (await isEmpty(db)) {
    say(`empty database: seeding demo data (${DEMO_MEMBERS} members)…`);
    const result = await seedClub(db, {
      members: DEMO_MEMBERS,
      demoAccounts: true,
      onProgress: (done, total) => say(`  seeded ${done}/${total} members`),
    });
    const cards = await seedCards(db);
    const applications = await seedApplications(db);
    say(
      `demo data: ${result.projects} projects, ${result.households} households, ${result.members} members, ` +
        `${result.familyMembers} family members, ${cards.cards} cards with their fee receipts, ${applications.applications} applications in progress`,
    );
    seeded = true;
  }

  const cube = spawnCube({ databaseUrl: database.cubeUrl, port: config.cubePort, apiSecret: config.cubeApiSecret, log: process.env.CUBE_LOG ? (l) => console.log(`[cube] ${l}`) : undefined });
  // Stopped even if the API never comes up (a failed start, Ctrl-C while starting).
  stops.push(() => cube.then((h) => h.stop(), () => undefined));
  const app = await createApp(config, db, { logLevels: ['error', 'warn'] });
  stops.push(() => app.close());
  await app.listen(config.apiPort, '0.0.0.0');
  const cubeHandle = await cube;

  const url = `http://localhost:${config.apiPort}`;
  const hasAdmin = existsSync(join(config.adminDist, 'index.html'));
  const hasAccounts = seeded || (await db.staffUser.count({ where: { username: DEMO_ACCOUNTS[0].username } })) > 0;
  console.log(`
  客户会管理系统 / Owners' club — ready in ${elapsed()}

  Admin      ${url}/${hasAdmin ? '' : '   (not built: run `npm run build`)'}
  API docs   ${url}/api/docs
  Health     ${url}/api/health
  Cube       ${cubeHandle.url} (through the API at ${url}/cubejs-api)
  Database   ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL on port ${config.pgPort}`}
${hasAccounts ? `
  Demo accounts (password ${DEMO_PASSWORD}):
${DEMO_ACCOUNTS.map((a) => `    ${a.username.padEnd(11)} ${a.role.padEnd(17)} ${a.regionCode ? `region ${a.regionCode}` : 'all regions'}`).join('\n')}
` : ''}
  Ctrl-C stops everything.
`);
} catch (e) {
  console.error('[club] start failed:', e);
  await shutdown(1);
}
