// `prisma generate` needs no schema engine, but the CLI insists on finding one before it runs and
// would otherwise try to download it (impossible offline). Point it at an existing file for this
// one command only: generation never executes it. See ../shared/docs/stack.md.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
const root = fileURLToPath(new URL('..', import.meta.url));
const r = spawnSync('npx', ['prisma', 'generate'], { cwd: root, env, stdio: 'inherit' });
process.exit(r.status ?? 1);
