// npm run seed -- --members 100000 [--database club_bench] [--reset]
// Seeds realistic club data of the given size — members, their cards and fee receipts, applications
// and change requests in progress in every region — dated relative to the club's today, like the
// demo. Refuses a database that already has data unless --reset (which drops and recreates it).
// Creates no account with a known password (the work in progress names no staff member).
import { parseArgs } from 'node:util';
import { migrate } from '../server/src/database/migrate.ts';
import { createPrismaClient } from '../server/src/database/prisma.service.ts';
import { isEmpty, seedClub } from '../prisma/seed/seed-club.ts';
import { seedCards } from '../prisma/seed/seed-cards.ts';
import { seedApplications } from '../prisma/seed/seed-applications.ts';
import { seedToday } from '../prisma/seed/seed-time.ts';
import { openDatabase } from './lib/database.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '1500' },
    database: { type: 'string' },
    reset: { type: 'boolean', default: false },
  },
});
const members = Number(values.members);
if (!Number.isInteger(members) || members < 1) {
  console.error('--members must be a positive whole number');
  process.exit(2);
}

const handle = await openDatabase({ database: values.database, reset: values.reset });
try {
  await migrate(handle.url);
  const db = createPrismaClient(handle.url);
  if (!(await isEmpty(db))) {
    console.error('The database already has data; run with --reset to drop and recreate it.');
    process.exitCode = 1;
  } else {
    const started = Date.now();
    // One today for every part, so a run across midnight stays consistent.
    const today = seedToday();
    const result = await seedClub(db, {
      members,
      demoAccounts: false,
      today,
      onProgress: (done, total) => process.stdout.write(`\rseeding members ${done}/${total} (${Math.round((100 * done) / total)}%)`),
    });
    process.stdout.write('\n');
    const cards = await seedCards(db, { today });
    // About one application in progress per 100 members (at least the demo's hundred, at most 3,000).
    const work = await seedApplications(db, Math.min(3000, Math.max(100, Math.round(members / 100))), { today });
    console.log(`seeded ${JSON.stringify({ ...result, cards: cards.cards, fees: cards.fees, ...work })} in ${((Date.now() - started) / 1000).toFixed(1)} s into ${handle.url.replace(/:[^:@/]+@/, ':***@')}`);
  }
  await db.$disconnect();
} finally {
  await handle.close();
}
