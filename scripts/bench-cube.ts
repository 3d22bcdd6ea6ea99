// npm run bench -- cube [--members 100000] [--database club_bench] [--runs 50] [--region NJ]
// Times the dashboard's Cube queries with and without the rollups on the members benchmark's
// database (seeded here if it does not hold --members members). Prints p50/p95 per query; no
// assertions.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SignJWT } from 'jose';
import { openSeededDatabase } from './lib/bench-database.ts';
import { machineLine, percentile } from './lib/machine.ts';
import { cubeLoad, cubeSql, spawnCube, type CubeQuery } from './lib/cube-process.ts';
import { freePort } from './lib/free-port.ts';
import dashboard from '../cube/dashboard-queries.json' with { type: 'json' };

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: 'club_bench' },
    members: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '50' },
    region: { type: 'string', default: 'ALL' },
  },
});
const runs = Number(values.runs);
const queries = dashboard as Record<string, CubeQuery>;

console.log(machineLine());
const { handle, db } = await openSeededDatabase(values.database, Number(values.members));
await db.$disconnect();
try {
  const client = new pg.Client({ connectionString: handle.url });
  client.on('error', () => undefined);
  await client.connect();
  const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM members');
  const size = await client.query<{ s: string }>(`SELECT pg_size_pretty(pg_total_relation_size('members'::regclass)) AS s`);
  await client.end();
  console.log(`database ${values.database}: ${rows[0].n} members (members table ${size.rows[0].s}); ${runs} runs per query; region ${values.region}`);

  const secret = randomBytes(32).toString('hex');
  const token = await new SignJWT({ role: 'general_manager', region: values.region })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(secret));

  for (const mode of ['with rollups', 'without rollups'] as const) {
    const started = Date.now();
    const cube = await spawnCube({
      databaseUrl: handle.url,
      port: await freePort(),
      apiSecret: secret,
      env: mode === 'without rollups' ? { CUBE_DISABLE_PREAGGREGATIONS: '1' } : {},
    });
    console.log(`\n${mode} (Cube ready in ${Date.now() - started} ms${mode === 'with rollups' ? ', including the rollup build' : ''})`);
    try {
      for (const [name, query] of Object.entries(queries)) {
        // Cube caches results per query until the refresh key changes; a different limit each
        // run makes every request reach the database (or the rollup) like a first visit.
        await cubeLoad(cube.url, token, query);
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          await cubeLoad(cube.url, token, { ...query, limit: 10_000 - i - 1 });
          times.push(performance.now() - t);
        }
        times.sort((a, b) => a - b);
        const rollups = (await cubeSql(cube.url, token, query)).preAggregations.map((p) => p.preAggregationId);
        console.log(
          `  ${name.padEnd(22)} p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms   ${rollups.length ? `from ${rollups.join(', ')}` : 'from the tables'}`,
        );
      }
    } finally {
      await cube.stop();
    }
  }
} finally {
  await handle.close();
}
