// M-7 under load: N card issuances (default 1,000) fired at once through the HTTP API
// (POST /api/members/:id/cards, the API in its own process, its default Prisma pool), all drawing
// numbers from ONE range, so every allocation contends for the same row lock (the worst case).
// Checks that all numbers are distinct and prints issuances/second and latency p50/p95/p99.
//   npm run bench -- cards [--cards 1000] [--members 3000]
// It resets the cards of its own database (club_bench_cards) before each run.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { openSeededDatabase } from './lib/bench-database.ts';
import { machineLine, percentile } from './lib/machine.ts';
import { startApiProcess } from './lib/load.ts';

const { values } = parseArgs({
  options: {
    cards: { type: 'string', default: '1000' },
    members: { type: 'string', default: '3000' },
    database: { type: 'string', default: 'club_bench_cards' },
  },
});
const wanted = Number(values.cards);
const memberCount = Number(values.members);

console.log(machineLine());
const { handle, db } = await openSeededDatabase(values.database, memberCount);
// A clean slate: no cards, no card holders, one fresh range with room for every issuance.
await db.cardReissueRequest.deleteMany();
await db.card.deleteMany();
await db.cardRange.deleteMany();
await db.$executeRaw`UPDATE members SET "cardHolder" = false WHERE "cardHolder"`;
await db.cardRange.create({ data: { prefix: 'BENCH', fromNo: 1, toNo: 999_999, nextNo: 1, digits: 6, channel: 'bench', createdById: 0 } });

// One member per household, so the M-3 limit never refuses an issuance.
const rows = await db.$queryRaw<{ id: number }[]>`SELECT DISTINCT ON ("householdId") id FROM members ORDER BY "householdId", id LIMIT ${wanted + 21}`;
if (rows.length < wanted + 21) {
  console.error(`only ${rows.length} households; raise --members`);
  process.exit(2);
}

const username = `bench_${randomBytes(4).toString('hex')}`;
const password = randomBytes(12).toString('hex');
await db.staffUser.create({ data: { username, displayName: 'bench', role: 'member_officer', passwordHash: await hash(password) } });

const api = await startApiProcess(handle.url);
try {
  const base = api.base;
  const token = await api.login(username, password);
  const headers = { authorization: `Bearer ${token}` };

  // Warm up: one issuance (first-request compilation), then the burst.
  const warm = await fetch(`${base}/api/members/${rows[0].id}/cards`, { method: 'POST', headers });
  if (warm.status !== 201) throw new Error(`warm-up failed: ${warm.status} ${await warm.text()}`);

  // For comparison: a few issuances one at a time (no contention).
  const single: number[] = [];
  for (const m of rows.slice(wanted + 1, wanted + 21)) {
    const s = performance.now();
    const r = await fetch(`${base}/api/members/${m.id}/cards`, { method: 'POST', headers });
    await r.arrayBuffer();
    single.push(performance.now() - s);
  }
  single.sort((a, b) => a - b);

  const targets = rows.slice(1, wanted + 1);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const numbers: string[] = [];
  const t0 = performance.now();
  await Promise.all(
    targets.map(async (m) => {
      const s = performance.now();
      const r = await fetch(`${base}/api/members/${m.id}/cards`, { method: 'POST', headers });
      const body = (await r.json()) as { cardNo?: string };
      latencies.push(performance.now() - s);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      if (r.status === 201 && body.cardNo) numbers.push(body.cardNo);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const inDb = await db.card.count();
  const distinctInDb = (await db.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT "cardNo")::int AS n FROM cards`)[0].n;

  console.log(`cards: ${targets.length} issuances at once through POST /api/members/:id/cards (one range, one row lock)`);
  console.log(`  statuses: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`);
  console.log(`  numbers: ${numbers.length} returned, ${new Set(numbers).size} distinct; in the database ${inDb} cards, ${distinctInDb} distinct numbers`);
  console.log(`  ${(numbers.length / seconds).toFixed(0)} issuances/s (${seconds.toFixed(2)} s for the burst)`);
  console.log(`  latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`);
  console.log(`  one at a time (${single.length} issuances, no contention): p50 ${percentile(single, 50).toFixed(0)} ms, p95 ${percentile(single, 95).toFixed(0)} ms`);
  if (new Set(numbers).size !== numbers.length || distinctInDb !== inDb) console.log('  !! DUPLICATE CARD NUMBERS');
} finally {
  await api.stop();
  await db.staffUser.deleteMany({ where: { username } });
  await db.$disconnect();
  await handle.close();
}
