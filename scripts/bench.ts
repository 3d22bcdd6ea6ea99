// npm run bench -- <start|members|search|cube|overdue|import|cards|records|hostile-uploads|admin|all> [options]
// Benchmarks print their figures; docs/benchmarks.md records them. They never assert.
// They use their own embedded PostgreSQL (.bench/, port 54339) so they never touch your data.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../server/src/config/app-config.ts';

const benches: Record<string, string> = {
  start: 'scripts/bench-start.ts',
  members: 'scripts/bench-members.ts',
  search: 'scripts/bench-search.ts',
  cube: 'scripts/bench-cube.ts',
  overdue: 'scripts/bench-overdue.ts',
  import: 'scripts/bench-import.ts',
  cards: 'scripts/bench-cards.ts',
  records: 'scripts/bench-records.ts',
  'hostile-uploads': 'scripts/bench-hostile-uploads.ts',
  admin: 'scripts/bench-admin.ts',
};
const [name = 'all', ...rest] = process.argv.slice(2);
const names = name === 'all' ? Object.keys(benches) : [name];
for (const n of names) {
  if (!benches[n]) {
    console.error(`unknown benchmark "${n}"; choose one of: ${Object.keys(benches).join(', ')}, all`);
    process.exit(2);
  }
}
const env = { ...process.env, CLUB_DATA_DIR: process.env.CLUB_DATA_DIR ?? join(repoRoot, '.bench'), PG_PORT: process.env.PG_PORT ?? '54339' };
for (const n of names) {
  console.log(`\n=== bench ${n} ===`);
  const r = spawnSync(join(repoRoot, 'node_modules/.bin/tsx'), [benches[n], ...rest], { cwd: repoRoot, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
