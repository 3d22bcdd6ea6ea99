// Hostile import uploads against the xlsx reader: the checks POST /api/imports runs before it
// answers (is it a workbook, its header row, its row count). Each file is read in a fresh child
// process, so the peak RSS printed is what that upload costs an API process.
//   npm run bench -- hostile-uploads [--reader server/src/members/import]
// For the figures before the bounded reader, put the old one in a folder and point --reader at it:
//   mkdir -p .bench/oldreader && for f in xlsx-reader xlsx-peek; do
//     git show 1817f2f:server/src/privacy/import/$f.ts > .bench/oldreader/$f.ts; done
//   npm run bench -- hostile-uploads --reader .bench/oldreader
// docs/benchmarks.md records both.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { repoRoot } from '../server/src/config/app-config.ts';
import { directoryPastEof, localOffsetPastEof, sharedStringsBomb, sheetBomb, unclosedFirstRow } from '../tests/support/hostile-xlsx.ts';
import { machineLine } from './lib/machine.ts';

const { values } = parseArgs({
  options: {
    reader: { type: 'string', default: 'server/src/members/import' },
    child: { type: 'string' },
  },
});
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;

if (values.child) {
  const dir = pathToFileURL(resolve(repoRoot, values.reader!)).href;
  const reader = await import(`${dir}/xlsx-reader.ts`);
  const peek = await import(`${dir}/xlsx-peek.ts`);
  const buf = readFileSync(values.child);
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let outcome = 'accepted';
  try {
    // What ImportService.start does before it answers.
    const entries = peek.xlsxEntries(buf);
    if (!entries) throw new Error('not an xlsx');
    for await (const rows of reader.readSheet(buf)) if (rows.length) break;
    await peek.countSheetRows(buf, entries);
  } catch (e) {
    outcome = `refused: ${(e as Error).constructor.name}: ${String((e as Error).message).slice(0, 80)}`;
  }
  const ms = performance.now() - t0;
  clearInterval(timer);
  const cpu = process.cpuUsage(cpu0);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  console.log(JSON.stringify({ ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), base, peak, outcome }));
  process.exit(0);
}

console.log(machineLine());
const dir = join(repoRoot, '.bench', 'hostile-uploads');
mkdirSync(dir, { recursive: true });
const files: [string, Buffer][] = [
  ['sharedStrings bomb (430 MB inflated)', await sharedStringsBomb()],
  ['unclosed first row (11 MB inflated)', await unclosedFirstRow()],
  ['sheet bomb (1 GB inflated)', await sheetBomb()],
  ['directory past EOF', directoryPastEof()],
  ['local header past EOF', localOffsetPastEof()],
];
console.log(`reader: ${values.reader}`);
for (const [label, buf] of files) {
  const file = join(dir, `${label.replace(/\W+/g, '-')}.xlsx`);
  writeFileSync(file, buf);
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1], '--reader', values.reader!, '--child', file], { encoding: 'utf8', timeout: 120_000 });
  const line = r.stdout.trim().split('\n').at(-1) ?? '';
  try {
    const m = JSON.parse(line) as { ms: number; cpuMs: number; base: number; peak: number; outcome: string };
    console.log(`${label.padEnd(38)} upload ${(buf.length / 1024).toFixed(0).padStart(5)} KB  ${String(m.ms).padStart(6)} ms (cpu ${m.cpuMs} ms)  peak RSS ${mb(m.peak)} (+${mb(m.peak - m.base)})  ${m.outcome}`);
  } catch {
    console.log(`${label.padEnd(38)} child failed (${r.status ?? r.signal}): ${(r.stderr || line).slice(-300)}`);
  }
}
