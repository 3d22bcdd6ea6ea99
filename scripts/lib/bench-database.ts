import { migrate } from '../../server/src/database/migrate.ts';
import { createPrismaClient, type Db } from '../../server/src/database/prisma.service.ts';
import { seedClub } from '../../prisma/seed/seed-club.ts';
import { openDatabase, type DatabaseHandle } from './database.ts';

/**
 * A benchmark's database with exactly `members` demo members (no accounts): reused when it has
 * them, otherwise emptied and seeded again. Migrated either way.
 */
export async function openSeededDatabase(database: string, members: number): Promise<{ handle: DatabaseHandle; db: Db }> {
  let handle = await openDatabase({ database });
  await migrate(handle.url);
  let db = createPrismaClient(handle.url);
  const have = await db.member.count();
  if (have === members) return { handle, db };
  console.log(`database ${database} has ${have} members; reseeding with ${members}…`);
  await db.$disconnect();
  await handle.close();
  handle = await openDatabase({ database, reset: true });
  await migrate(handle.url);
  db = createPrismaClient(handle.url);
  const t0 = Date.now();
  await seedClub(db, { members, demoAccounts: false, onProgress: (d, t) => process.stdout.write(`\r  seeded ${d}/${t}`) });
  console.log(`\n  seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { handle, db };
}
