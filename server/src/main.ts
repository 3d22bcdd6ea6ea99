// Runs the API alone against DATABASE_URL (npm start runs everything; see scripts/start.ts).
// Migrations run as DATABASE_OWNER_URL, the owner of the tables; the API connects as
// DATABASE_URL, a role that owns nothing (docs/operations.md, "Database roles").
import { loadConfig } from './config/app-config.js';
import { createApp } from './create-app.js';
import { checkApiRole, roleOf } from './database/grants.js';
import { migrate } from './database/migrate.js';
import { createPrismaClient } from './database/prisma.service.js';

const config = loadConfig();
if (!config.databaseUrl) {
  console.error('DATABASE_URL is not set. Use `npm start` to run with the embedded PostgreSQL.');
  process.exit(2);
}
if (!config.databaseOwnerUrl) {
  console.warn('warning: DATABASE_OWNER_URL is not set, so migrations and the API both use DATABASE_URL (see README, "Using an existing PostgreSQL")');
}
await migrate(config.databaseOwnerUrl ?? config.databaseUrl, { api: roleOf(config.databaseUrl), cube: roleOf(config.cubeDatabaseUrl) });
const excess = await checkApiRole(config.databaseUrl);
if (excess) console.warn(`warning: ${excess}; give the API a role of its own (README, "Using an existing PostgreSQL")`);
const db = createPrismaClient(config.databaseUrl);
const app = await createApp(config, db);
app.enableShutdownHooks();
await app.listen(config.apiPort, '0.0.0.0');
console.log(`API listening on http://localhost:${config.apiPort}`);
