// Runs the API alone against DATABASE_URL (npm start runs everything; see scripts/start.ts).
import { loadConfig } from './config/app-config.js';
import { createApp } from './create-app.js';
import { migrate } from './database/migrate.js';
import { createPrismaClient } from './database/prisma.service.js';

const config = loadConfig();
if (!config.databaseUrl) {
  console.error('DATABASE_URL is not set. Use `npm start` to run with the embedded PostgreSQL.');
  process.exit(2);
}
await migrate(config.databaseUrl);
const db = createPrismaClient(config.databaseUrl);
const app = await createApp(config, db);
app.enableShutdownHooks();
await app.listen(config.apiPort, '0.0.0.0');
console.log(`API listening on http://localhost:${config.apiPort}`);
