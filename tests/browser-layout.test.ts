// The admin as new staff of every role first see it: every menu page (and, for the roles that work
// with records, the first record each list opens), in Chinese and English, at 1440×900 and
// 1280×800. A page fails when an id, amount, date or phone in a table or description wraps or is
// cut off (also hidden under a fixed column or needing a sideways scroll), when a cell's content
// spills out of it, when a menu group is empty, when an untranslated code (READY, SH), a rule id
// (M-2, 附录4) or a string key shows, when the console has an error or a request fails.
//
// Fast by design: one browser, one context per role, moving inside the single-page app (menu
// clicks, no reloads); each page visited once and measured in both languages (the header's
// switch re-renders it in place, without fetching again) and at both sizes (the window resized);
// every check of a page is one page.evaluate (support/layout-probe.js). Screenshots of each page per
// language (at 1440×900), and of every page where a problem first shows, go to test-artifacts/layout/
// (git-ignored, kept by CI).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, type Browser } from './support/browser.ts';
import { startSystem } from './support/system.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, REGIONS } from '../prisma/seed/factories.ts';
import * as enums from '../server/src/generated/prisma/enums.ts';
import { repoRoot } from '../server/src/config/app-config.ts';

const SIZES = [
  { name: '1440x900', width: 1440, height: 900 },
  { name: '1280x800', width: 1280, height: 800 },
] as const;
const LANGUAGES = ['zh-CN', 'en'] as const;
/** The role whose first record of each list is opened too (the detail pages): the one that sees every list. */
const DETAIL_ROLES = new Set(['manager']);
/**
 * In `npm test` the club manager (who sees the most pages, and opens each list's first record)
 * checks every page of theirs, and every other role its own workbench and menu and the pages the
 * manager does not have (about 40 s on two cores). LAYOUT_FULL=1 checks every page for every role
 * (about 145 s): opening a page is most of the cost, so the full matrix does not fit the suite.
 */
const FULL = process.env.LAYOUT_FULL === '1';
const EVERY_PAGE_ROLES = new Set(['manager']);
/** LAYOUT_PNG=1: screenshots as PNG instead of the smaller JPEG. */
const PNG = Boolean(process.env.LAYOUT_PNG);
const ARTIFACTS = join(repoRoot, 'test-artifacts', 'layout');
const PROBE = readFileSync(join(import.meta.dirname, 'support', 'layout-probe.js'), 'utf8').trim();

/** Codes that must never show as text: every upper-case enum value of the schema, and the region codes. */
const CODES = [
  ...new Set([
    ...Object.values(enums).flatMap((e) => (typeof e === 'object' && e ? Object.values(e as Record<string, string>) : [])).filter((v) => /^[A-Z][A-Z0-9_]+$/.test(v)),
    ...REGIONS.map((r) => r.code),
  ]),
];

/** The checks as the page is now (the page has settled: layout is measured synchronously)… */
const PROBE_NOW = `(${PROBE})(${JSON.stringify({ codes: CODES })})`;
/** …and after a resize, once the page has drawn a frame at the new size (antd re-renders responsive parts). */
const PROBE_NEXT_FRAME = `new Promise((done) => requestAnimationFrame(() => done(${PROBE_NOW})))`;

const INIT = readFileSync(join(import.meta.dirname, 'support', 'layout-init.js'), 'utf8').trim();

interface Problem {
  kind: string;
  text: string;
  where: string;
}

// LAYOUT_ONLY=manager,editor limits the roles, LAYOUT_VERBOSE=1|2|3 prints timings per role, page
// and API path, LAYOUT_PNG=1 writes PNGs, LAYOUT_NO_SHOTS=1 skips the screenshots.
// It also stands for the old smoke and CSP tests: every menu page of every role opens with no page
// error, no failed request, no error screen and nothing blocked by the Content-Security-Policy.
describe('layout of every menu page, every role, both languages, two window sizes', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let browser: Browser;

  beforeAll(async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    [system, browser] = await Promise.all([startSystem({ members: 200, demo: true, applications: 60 }), launchChromium()]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('has no wrapped or clipped values, no empty menu group, no codes or rule ids, no console errors or failed requests', async () => {
    const started = Date.now();
    const found = new Map<string, { example: string; who: Set<string> }>(); // page, kind and place → an example and where it showed
    const shot = new Set<string>();
    let checks = 0;
    let menuPages = 0;
    let recordPages = 0;
    const visited = new Set<string>();
    // The pages the every-page roles will check, known once they have signed in: the other roles
    // (running beside them) leave those out instead of racing them to each page.
    let claimPages: (links: string[]) => void = () => {};
    const checkedByOthers = FULL
      ? Promise.resolve(new Set<string>())
      : new Promise<Set<string>>((done) => {
          const wanted = DEMO_ACCOUNTS.filter((a) => EVERY_PAGE_ROLES.has(a.username) && (!process.env.LAYOUT_ONLY || process.env.LAYOUT_ONLY.split(',').includes(a.username))).length;
          const pages = new Set<string>();
          let claimed = 0;
          if (wanted === 0) done(pages);
          claimPages = (links) => {
            for (const l of links) pages.add(l);
            if (++claimed === wanted) done(pages);
          };
        });
    const apiTimes = new Map<string, { n: number; ms: number }>();
    const phases = new Map<string, number>();
    const phase = (name: string, since: number) => phases.set(name, (phases.get(name) ?? 0) + Date.now() - since);

    const login = async (username: string): Promise<string> => {
      const res = await fetch(`${system.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      expect(res.status, `sign-in of ${username}`).toBe(200);
      return ((await res.json()) as { token: string }).token;
    };

    const run = async (username: string) => {
      let lang: (typeof LANGUAGES)[number] = LANGUAGES[0];
      const token = await login(username);
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: SIZES[0].width, height: SIZES[0].height } });
      await context.addInitScript({ content: `(${INIT})(${JSON.stringify({ token, lang })})` });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      if (process.env.LAYOUT_VERBOSE === '3')
        page.on('requestfinished', (r) => {
          const path = new URL(r.url()).pathname.replace(/\/\d+/g, '/:id');
          if (!path.startsWith('/api') && !path.startsWith('/cubejs')) return;
          const t = r.timing();
          const e = apiTimes.get(path) ?? { n: 0, ms: 0 };
          e.n++;
          e.ms += t.responseEnd;
          apiTimes.set(path, e);
        });
      page.on('requestfailed', (r) => {
        errors.push(`request failed: ${r.method()} ${new URL(r.url()).pathname} ${r.failure()?.errorText ?? ''}`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.request().method()} ${new URL(r.url()).pathname}`);
      });

      const ready = (path: string) =>
        page.waitForFunction((p) => (globalThis as unknown as { __layoutReady(p: string): boolean }).__layoutReady(p), path, { polling: 25, timeout: 30_000 });

      let sizes: readonly (typeof SIZES)[number][] = SIZES;
      /** Both sizes, starting with the one the window has (the next page starts with the other). */
      const check = async (label: string) => {
        for (const [i, size] of sizes.entries()) {
          let t = Date.now();
          if (i > 0) await page.setViewportSize({ width: size.width, height: size.height });
          phase('resize', t);
          t = Date.now();
          const problems = (await page.evaluate(i > 0 ? PROBE_NEXT_FRAME : PROBE_NOW)) as Problem[];
          phase('probe', t);
          const all = [...problems.map((p) => ({ key: `${p.kind}${p.where ? ` at ${p.where}` : ''}`, example: p.text })), ...errors.splice(0).map((e) => ({ key: e, example: '' }))];
          checks++;
          const who = `${username}/${lang}/${size.name}`;
          let fresh = false;
          for (const { key, example } of all) {
            const entry = found.get(`${label} — ${key}`) ?? { example, who: new Set<string>() };
            fresh ||= entry.who.size === 0;
            entry.who.add(who);
            found.set(`${label} — ${key}`, entry);
          }
          // Each page once per language (at 1440×900), and again where it shows a problem not seen before.
          const file = `${lang}-${size.name}-${label.replace(/[^\w-]+/g, '_')}`;
          if (!process.env.LAYOUT_NO_SHOTS && ((size === SIZES[0] && !shot.has(file)) || fresh)) {
            const name = shot.has(file) ? `${file}-${username}` : file;
            shot.add(file);
            t = Date.now();
            await page.screenshot(PNG ? { path: join(ARTIFACTS, `${name}.png`), type: 'png' } : { path: join(ARTIFACTS, `${name}.jpg`), type: 'jpeg', quality: 55 });
            phase('screenshot', t);
          }
        }
        sizes = [...sizes].reverse();
      };

      /** A click on the page's own link: the single-page app moves without a reload. */
      const go = async (selectors: string | string[]): Promise<string | null> => {
        const t = Date.now();
        const href = await page.evaluate((s) => (globalThis as unknown as { __layoutGo(s: string | string[]): string | null }).__layoutGo(s), selectors);
        if (!href) return null;
        const path = href.split('?')[0];
        await ready(path).catch((e: Error) => {
          throw new Error(`${username}/${lang}: ${href} did not settle (at ${page.url()})`, { cause: e });
        });
        phase('open', t);
        return href;
      };

      const t0 = Date.now();
      await page.goto(`${system.baseUrl}/`);
      try {
        await page.locator('[data-testid="current-user"]').waitFor();
      } catch (e) {
        await page.screenshot({ path: join(ARTIFACTS, `start-failed-${username}.jpg`), type: 'jpeg' });
        throw new Error(`${username}: the admin did not open (${page.url()}): ${errors.join('; ')}`, { cause: e });
      }
      // Open every menu group so each page's link is in the menu.
      await page.evaluate(() => {
        const d = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<{ click(): void }> } }).document;
        for (const title of d.querySelectorAll('.ant-layout-sider .ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title')) title.click();
      });
      await ready(new URL(page.url()).pathname);
      const links = [...new Set(await page.locator('.ant-layout-sider a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))].filter((h) => h !== '/');
      expect(links.length, `${username} has menu pages`).toBeGreaterThan(0);
      if (EVERY_PAGE_ROLES.has(username)) claimPages(links);

      /** The header's language switch, as staff change it: the page re-renders in place (no reload, no refetch). */
      const switchLanguage = async (path: string) => {
        lang = lang === LANGUAGES[0] ? LANGUAGES[1] : LANGUAGES[0];
        await page.evaluate((label) => {
          const w = globalThis as unknown as { __calm: number; document: { querySelectorAll(s: string): Iterable<{ textContent: string | null; click(): void }> } };
          w.__calm = 0;
          for (const item of w.document.querySelectorAll('[data-testid="language-switch"] .ant-segmented-item')) if (item.textContent?.trim() === label) item.click();
        }, lang === 'en' ? 'English' : '中文');
        await page.waitForFunction((l) => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === l, lang);
        await ready(path);
      };
      /** The page in the language it has, then in the other: four checks per page visit. */
      const bothLanguages = async (label: string, path: string) => {
        await check(label);
        const t = Date.now();
        await switchLanguage(path);
        phase('language', t);
        await check(label);
      };

      for (const href of links) {
        if (!FULL && !EVERY_PAGE_ROLES.has(username) && href !== '/workbench' && (visited.has(href) || (await checkedByOthers).has(href))) continue;
        visited.add(href);
        menuPages++;
        const t1 = Date.now();
        expect(await go(`.ant-layout-sider a[href="${href}"]`), `${username}/${lang}: menu link ${href}`).toBe(href);
        const t2 = Date.now();
        await bothLanguages(href, href);
        if (process.env.LAYOUT_VERBOSE === '2') console.log(`  ${href}: opened in ${t2 - t1} ms, checked in ${Date.now() - t2} ms`);
        if (!DETAIL_ROLES.has(username)) continue;
        // The list's first record: its show button, else the first linked record on it.
        const detail = await go(['.ant-table-tbody a:has(> .refine-show-button)', '.ant-table-tbody a[href*="/show/"], .ant-table-tbody a[href*="/receipt/"]']);
        if (detail) {
          recordPages++;
          await bothLanguages(detail.replace(/\/\d+$/, '/:id'), detail.split('?')[0]);
        }
      }
      await context.close();
      if (process.env.LAYOUT_VERBOSE) console.log(`${username}: ${links.length} menu pages in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    };

    // The roles that check every page first, so the others know which pages are left.
    const accounts = [...DEMO_ACCOUNTS].sort((a, b) => Number(EVERY_PAGE_ROLES.has(b.username)) - Number(EVERY_PAGE_ROLES.has(a.username)));
    const jobs = accounts.filter((a) => !process.env.LAYOUT_ONLY || process.env.LAYOUT_ONLY.split(',').includes(a.username)).map((a) => () => run(a.username));
    // Two at a time: the machine has two cores, and the API and Cube share them (three is no faster).
    const queue = [...jobs];
    await Promise.all(Array.from({ length: Number(process.env.LAYOUT_WORKERS ?? 2) }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await job();
    }));

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const each = LANGUAGES.length * SIZES.length;
    console.log(
      `layout${FULL ? ' (LAYOUT_FULL)' : ''}: ${menuPages} menu pages × role (${jobs.length} roles) × ${LANGUAGES.length} languages × ${SIZES.length} sizes = ${menuPages * each} checks, ` +
        `and ${recordPages * each} of ${recordPages} record pages; ${checks} in all, in ${seconds} s; screenshots in test-artifacts/layout/`,
    );
    if (process.env.LAYOUT_VERBOSE) console.log([...phases].map(([k, v]) => `${k}: ${(v / 1000).toFixed(1)} s`).join(', '));
    if (apiTimes.size) console.log([...apiTimes].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25).map(([p, e]) => `${p}: ${e.n} × ${(e.ms / e.n).toFixed(0)} ms = ${(e.ms / 1000).toFixed(1)} s`).join('\n'));
    const report = [...found].map(([line, { example, who }]) => `${line}${example ? `: “${example}”` : ''}  [${who.size}×, e.g. ${[...who].slice(0, 3).join(', ')}]`);
    expect(report).toEqual([]);
  }, 600_000);

  it('serves the admin and the API docs (Swagger UI) under the Content-Security-Policy, without a violation', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: `(${INIT})(${JSON.stringify({ token: '', lang: 'zh-CN' })})` });
    const page = await context.newPage();
    const r = await page.goto(`${system.baseUrl}/login`);
    expect(r?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(r?.headers()['x-frame-options']).toBe('DENY');
    await page.goto(`${system.baseUrl}/api/docs`);
    await page.locator('.swagger-ui .info').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    await context.close();
  }, 60_000);

  it('the checks themselves: each kind of problem is found on a page made to have it, and a clean page passes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const table = (cells: string, style = '') =>
      `<div class="ant-table"><div class="ant-table-container"><table style="width:100%;table-layout:fixed"><colgroup><col style="width:70px"><col></colgroup>` +
      `<thead class="ant-table-thead"><tr><th>A</th><th>B</th></tr></thead>` +
      `<tbody class="ant-table-tbody"><tr class="ant-table-row">${cells}</tr></tbody></table></div></div><style>${style}</style>`;
    const kinds = async (html: string) => {
      await page.setContent(`<body>${html}</body>`);
      return ((await page.evaluate(PROBE_NOW)) as Problem[]).map((p) => `${p.kind} ${p.text}`);
    };
    expect(await kinds(`<p>会员卡（已发卡）</p>${table('<td>王芳</td><td style="white-space:nowrap">2026-11-20</td>')}`)).toEqual([]);
    expect(await kinds(table('<td style="overflow-wrap:break-word">SQ2026-000123</td><td>x</td>'))).toContain('value-wraps SQ2026-000123');
    expect(await kinds(table('<td><div style="width:30px;overflow:hidden;white-space:nowrap">2026-11-20</div></td><td>x</td>'))).toContain('value-clipped 2026-11-20');
    expect(await kinds(table('<td style="overflow:hidden"><button style="width:300px">Reverse</button></td><td>x</td>'))).toContain('cell-overflow Reverse');
    expect(await kinds('<div class="ant-layout-sider"><ul><li class="ant-menu-submenu"><div class="ant-menu-submenu-title">会员卡与卡费</div><ul></ul></li></ul></div>')).toContain('empty-menu-group 会员卡与卡费');
    expect(await kinds('<p>状态：READY，区域 SH</p>')).toEqual(expect.arrayContaining(['untranslated-code READY', 'untranslated-code SH']));
    expect(await kinds('<p>每户最多 2 张（M-3），见发卡记录（附录4）</p>')).toEqual(expect.arrayContaining(['rule-id M-3', 'rule-id 附录4']));
    expect(await kinds('<p>cards.statuses.READY</p>')).toContain('string-key cards.statuses.READY');
    await page.evaluate(() => ((globalThis as unknown as { __cspViolations: string[] }).__cspViolations = ['img-src https://example.com/x.png']));
    expect(await kinds('<p>x</p>')).toContain('csp-violation img-src https://example.com/x.png');
    expect(await kinds('<div class="ant-result ant-result-403"><div class="ant-result-title">403</div></div>')).toContain('error-screen 403');
    await context.close();
  });

  it('answers a record that is not there (another region’s, or gone) at once, with nothing to edit or delete', async () => {
    const login = async (username: string) =>
      ((await (await fetch(`${system.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) })).json()) as { token: string }).token;
    const manager = await login('manager');
    const nj = (await (await fetch(`${system.baseUrl}/api/members?regionCode=NJ&_start=0&_end=1`, { headers: { authorization: `Bearer ${manager}` } })).json()) as { id: number }[];
    expect(nj.length).toBe(1);
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: `(${INIT})(${JSON.stringify({ token: await login('officer_sh'), lang: 'zh-CN' })})` });
    const page = await context.newPage();
    const reads: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/members\/\d+$/.test(new URL(r.url()).pathname)) reads.push(new URL(r.url()).pathname);
    });
    for (const id of [nj[0].id, 99_999_999]) {
      reads.length = 0;
      const started = Date.now();
      await page.goto(`${system.baseUrl}/members/show/${id}`);
      await page.locator('[data-testid="record-error"]').waitFor({ timeout: 5_000 });
      // React Query would try a failed read three more times over about 7 s; a 404 is the answer.
      expect(Date.now() - started, `member ${id}: the message within 5 s`).toBeLessThan(5_000);
      await page.waitForTimeout(1_500);
      expect(reads, `member ${id}: read once`).toEqual([`/api/members/${id}`]);
      expect(await page.locator('[data-testid="record-error"]').textContent()).toContain('不存在');
      for (const button of ['.refine-edit-button', '.refine-delete-button']) expect(await page.locator(button).isDisabled(), `member ${id}: ${button}`).toBe(true);
    }
    await context.close();
  }, 60_000);
});
