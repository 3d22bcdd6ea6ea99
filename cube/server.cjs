// Starts Cube 0.33.65 in pure JavaScript (no @cubejs-backend/native, no Cube Store): REST API
// only, in-memory cache and queue, production mode, refresh worker in this process, rollups
// stored in the same PostgreSQL (schema prod_pre_aggregations). See cube/README.md.
//
//   DATABASE_URL=postgresql://user:pass@host:port/db CUBEJS_API_SECRET=... node cube/server.cjs
//
// Env: DATABASE_URL (required), CUBEJS_API_SECRET (required), CUBE_PORT (default 4300),
// CUBE_DISABLE_PREAGGREGATIONS=1 (benchmarks only: serve everything from the tables).
// Prints exactly one line `CUBE_READY <port>` on stdout once it listens and the rollups are
// built; SIGTERM/SIGINT stop it cleanly.
'use strict';

const path = require('node:path');

function fail(message) {
  process.stderr.write(`cube: ${message}\n`);
  process.exit(2);
}

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) fail('DATABASE_URL is required');
if (!process.env.CUBEJS_API_SECRET) fail('CUBEJS_API_SECRET is required');
const port = Number(process.env.CUBE_PORT || 4300);
if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`CUBE_PORT must be a port number, got "${process.env.CUBE_PORT}"`);

let db;
try {
  db = new URL(databaseUrl);
} catch {
  fail('DATABASE_URL is not a URL');
}
const sslmode = db.searchParams.get('sslmode');

// Cube reads its settings from the environment; set them before it is loaded.
Object.assign(process.env, {
  PORT: String(port),
  CUBEJS_DB_TYPE: 'postgres',
  CUBEJS_DB_HOST: db.hostname,
  CUBEJS_DB_PORT: db.port || '5432',
  CUBEJS_DB_USER: decodeURIComponent(db.username),
  CUBEJS_DB_PASS: decodeURIComponent(db.password),
  CUBEJS_DB_NAME: decodeURIComponent(db.pathname.replace(/^\//, '')),
  CUBEJS_DB_SSL: sslmode && sslmode !== 'disable' ? 'true' : 'false',
  CUBEJS_SCHEMA_PATH: path.relative(process.cwd(), path.join(__dirname, 'model')) || '.',
  // What makes 0.33 run without its native module (docs/stack.md).
  CUBEJS_PG_SQL_PORT: 'false',
  CUBEJS_CACHE_AND_QUEUE_DRIVER: 'memory',
  CUBEJS_DEV_MODE: 'false',
  NODE_ENV: 'production',
  CUBEJS_REFRESH_WORKER: 'true',
  // The machine is offline.
  CUBEJS_TELEMETRY: 'false',
});
process.env.CUBEJS_LOG_LEVEL = process.env.CUBEJS_LOG_LEVEL || 'warn';

const { CubejsServer } = require('@cubejs-backend/server');
const config = require('./cube.js');

const server = new CubejsServer({
  ...config,
  // Look for due rollups every 10 s instead of 30 s; each look is one cheap refresh-key query.
  scheduledRefreshTimer: 10,
});

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  const code = await server.shutdown(signal, true);
  process.exit(code);
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

async function main() {
  await server.listen();
  // Build the rollups once before declaring readiness, so the first dashboard query is served
  // from them instead of failing while the worker's first tick is still pending.
  await server.handleScheduledRefreshInterval({ throwErrors: true });
  if (!stopping) process.stdout.write(`CUBE_READY ${port}\n`);
}

main().catch((e) => {
  process.stderr.write(`cube: failed to start: ${(e && e.stack) || e}\n`);
  process.exit(1);
});
