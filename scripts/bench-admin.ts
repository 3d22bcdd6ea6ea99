// What a newcomer's browser pays to open the admin: the JavaScript and CSS transferred for the
// login page and for the workbench after sign-in, the first paint and the login form at a
// simulated 4 Mbit/s line (cold cache), and the time from pressing 登录 to the workbench drawn
// (its KPI cards and to-do list), throttled and not. It starts `npm start` on its own empty data
// folder (demo seed included) and Debian's Chromium; options: --runs N (default 3), --mbit M.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { repoRoot } from '../server/src/config/app-config.ts';
import { DEMO_PASSWORD } from '../prisma/seed/factories.ts';
import { freePort } from './lib/free-port.ts';
import { makeTempDir } from './lib/embedded-postgres.ts';
import { machineLine } from './lib/machine.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 3);
const mbit = arg('mbit', 4);

async function startSystem(dataDir: string, port: string): Promise<ChildProcess> {
  const env = { ...process.env, PORT: port, CUBE_PORT: String(await freePort()), PG_PORT: String(await freePort()), CLUB_DATA_DIR: dataDir, DATABASE_URL: '' };
  const child = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/start.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes('ready in')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`start exited with ${code} before ready:\n${out}`)));
    setTimeout(() => reject(new Error(`not ready after 180 s:\n${out}`)), 180_000).unref();
  });
  return child;
}

interface Transfer {
  script: number;
  css: number;
  all: number;
}

/** Counts the bytes each response put on the wire (compressed, headers included) by type. */
async function watchTransfer(page: Page, throttle: boolean): Promise<{ take(): Transfer }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  if (throttle) {
    const bytesPerSecond = (mbit * 1_000_000) / 8;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond / 4 });
  }
  const types = new Map<string, string>();
  let t: Transfer = { script: 0, css: 0, all: 0 };
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => {
    const type = types.get(e.requestId);
    t.all += e.encodedDataLength;
    if (type === 'Script') t.script += e.encodedDataLength;
    if (type === 'Stylesheet') t.css += e.encodedDataLength;
  });
  return {
    take() {
      const r = t;
      t = { script: 0, css: 0, all: 0 };
      return r;
    },
  };
}

interface Run {
  loginTransfer: Transfer;
  firstPaint: number;
  loginForm: number;
  signInToWorkbench: number;
  workbenchTransfer: Transfer;
}

async function oneRun(baseUrl: string, throttle: boolean): Promise<Run> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    const transfer = await watchTransfer(page, throttle);
    const t0 = Date.now();
    await page.goto(`${baseUrl}/login`, { waitUntil: 'commit' });
    await page.locator('#username').waitFor();
    const loginForm = Date.now() - t0;
    await page.waitForLoadState('load');
    const firstPaint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    const loginTransfer = transfer.take();
    await page.fill('#username', 'manager');
    await page.fill('#password', DEMO_PASSWORD);
    const t1 = Date.now();
    await page.click('[data-testid="login-submit"]');
    await page.locator('[data-testid="kpi-card"]').first().waitFor();
    await page.locator('[data-testid="workbench-item"], [data-testid="workbench-empty"]').first().waitFor();
    const signInToWorkbench = Date.now() - t1;
    await page.waitForLoadState('networkidle');
    return { loginTransfer, firstPaint, loginForm, signInToWorkbench, workbenchTransfer: transfer.take() };
  } finally {
    await browser.close();
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(machineLine());
const dataDir = makeTempDir('club-bench-admin-');
const port = String(await freePort());
const system = await startSystem(dataDir, port);
const baseUrl = `http://127.0.0.1:${port}`;
try {
  await oneRun(baseUrl, false); // warm the server's own caches (compressed assets, Cube's first query)
  for (const throttle of [true, false]) {
    const rs: Run[] = [];
    for (let i = 0; i < runs; i++) rs.push(await oneRun(baseUrl, throttle));
    const r = rs[0];
    console.log(`\n${throttle ? `simulated ${mbit} Mbit/s, 40 ms latency` : 'unthrottled (loopback)'}; cold browser cache; ${runs} runs, medians`);
    console.log(`  login page transferred: JS ${kb(r.loginTransfer.script)}, CSS ${kb(r.loginTransfer.css)}, everything ${kb(r.loginTransfer.all)}`);
    console.log(`  first contentful paint ${median(rs.map((x) => x.firstPaint)).toFixed(0)} ms; login form shown ${median(rs.map((x) => x.loginForm))} ms`);
    console.log(`  sign-in → workbench drawn ${median(rs.map((x) => x.signInToWorkbench))} ms; transferred after sign-in: JS ${kb(r.workbenchTransfer.script)}, everything ${kb(r.workbenchTransfer.all)}`);
    console.log(`  first-load JS (login + workbench) ${kb(r.loginTransfer.script + r.workbenchTransfer.script)}`);
  }
} finally {
  system.kill('SIGINT');
  await new Promise((r) => system.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
