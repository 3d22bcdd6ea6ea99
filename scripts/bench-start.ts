// How long `npm start` takes to be ready: a first start on an empty data folder (initdb,
// migrations, demo seed, Cube) and a second start reusing it; and that Ctrl-C leaves nothing behind.
import { spawn, execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../server/src/config/app-config.ts';
import { freePort } from './lib/free-port.ts';
import { makeTempDir } from './lib/embedded-postgres.ts';
import { machineLine } from './lib/machine.ts';

const dataDir = makeTempDir('club-bench-start-');
const ports = { PORT: String(await freePort()), CUBE_PORT: String(await freePort()), PG_PORT: String(await freePort()) };

function listening(port: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(Number(port), '127.0.0.1');
    s.on('connect', () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
  });
}

async function startOnce(label: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...ports, CLUB_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = await new Promise<number>((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes('ready in')) resolve(performance.now() - t0);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`start exited with ${code} before ready:\n${out}`)));
    setTimeout(() => reject(new Error(`not ready after 180 s:\n${out}`)), 180_000).unref();
  });
  const t1 = performance.now();
  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
  const stopMs = performance.now() - t1;
  const orphans = execSync(`ps -eo pid,args | grep -F "${dataDir}" | grep -v grep || true`).toString().trim();
  const cubeUp = await listening(ports.CUBE_PORT);
  const apiUp = await listening(ports.PORT);
  console.log(
    `${label}: ready in ${(ready / 1000).toFixed(1)} s; Ctrl-C stopped in ${(stopMs / 1000).toFixed(1)} s; ` +
      `leftover postgres: ${orphans ? 'YES\n' + orphans : 'none'}; Cube port still open: ${cubeUp ? 'YES' : 'no'}; API port still open: ${apiUp ? 'YES' : 'no'}`,
  );
  return ready;
}

console.log(machineLine());
console.log(`data folder ${dataDir}; demo seed ${process.env.DEMO_MEMBERS ?? 1500} members`);
try {
  await startOnce('first start (initdb + migrate + seed + Cube)');
  await startOnce('second start (existing data)');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
