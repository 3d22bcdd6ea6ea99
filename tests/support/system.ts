// The whole system for browser tests: a seeded test database with the demo accounts, Cube, and
// the API serving the built admin — the same pieces `npm start` runs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../server/src/config/app-config.ts';
import { seedClub } from '../../prisma/seed/seed-club.ts';
import { seedCards } from '../../prisma/seed/seed-cards.ts';
import { seedApplications } from '../../prisma/seed/seed-applications.ts';
import { spawnCube } from '../../scripts/lib/cube-process.ts';
import { createTestDatabase } from './database.ts';
import { startApi, testConfig } from './api.ts';
import { freePort } from '../../scripts/lib/free-port.ts';

export interface RunningSystem {
  baseUrl: string;
  /** The seeded database, for a test's own SQL. */
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * `demo`: also the cards (with their fee receipts) and the applications in progress that `npm
 * start` seeds, so every list has rows (`applications` of them; 100 by default).
 */
export async function startSystem(opts: { members?: number; demo?: boolean; applications?: number } = {}): Promise<RunningSystem> {
  if (!existsSync(join(repoRoot, 'admin', 'dist', 'index.html'))) throw new Error('admin/dist is missing: run `npm run build` first');
  const t = await createTestDatabase();
  await seedClub(t.db, { members: opts.members ?? 300, demoAccounts: true });
  if (opts.demo) {
    await seedCards(t.db);
    await seedApplications(t.db, opts.applications ?? 100);
  }
  const secrets = testConfig();
  const cube = await spawnCube({ databaseUrl: t.cubeUrl, port: await freePort(), apiSecret: secrets.cubeApiSecret });
  const api = await startApi(t.db, { cubeApiSecret: secrets.cubeApiSecret, jwtSecret: secrets.jwtSecret, cubeUrl: cube.url });
  return {
    baseUrl: api.baseUrl,
    databaseUrl: t.url,
    stop: async () => {
      await api.close();
      await cube.stop();
      await t.drop();
    },
  };
}
