// The workbench (工作台) in the browser: the club manager lands on it after signing in, sees the
// figures and what waits on them, the header's bell says the server's count, and an item opens its
// record; a role with nothing waiting sees the empty state; the menu shows no group without a page
// for the role, and no English label is cut off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage, signIn, type Browser, type Page } from './support/browser.ts';
import { startSystem } from './support/system.ts';
import { applicationFor } from './support/member-payload.ts';
import { clubToday } from '../server/src/calendar/calendar.service.ts';
import { DEMO_PASSWORD } from '../prisma/seed/factories.ts';

describe('the workbench', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    system = await startSystem({ members: 40 });
    // Work waiting on the club manager, made as staff make it: an application received a month ago
    // (so past its deadline) and a data-use request for the manager to decide.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const call = async (method: string, path: string, token: string | null, body?: unknown): Promise<any> => {
      const r = await fetch(`${system.baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const answer = await r.json();
      expect(r.status, JSON.stringify(answer)).toBeLessThan(300);
      return answer;
    };
    const { token } = await call('POST', '/api/auth/login', null, { username: 'officer', password: DEMO_PASSWORD });
    const [household] = await call('GET', '/api/households?_start=0&_end=1', token);
    const { householdId, ownerId, ...form } = applicationFor({ householdId: household.id, ownerId: household.owners[0].id });
    const receivedOn = new Date(clubToday().getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
    await call('POST', '/api/applications', token, {
      householdId,
      ownerId,
      form,
      collectionPoint: 'MANAGEMENT_OFFICE',
      collectionPlace: '物业管理处',
      receivedOn,
      documentsPresent: ['ID_COPY', 'PHOTO', 'DEED_OR_CONTRACT', 'SIGNED_FORM'],
    });
    await call('POST', '/api/data-use-requests', token, { department: '会员部', informationKinds: ['PHONE'], purpose: '生日关怀电话回访', validDays: 7 });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  /** A fresh browser context for each user, so no answer of one sign-in is reused by the next. */
  const as = async (username: string): Promise<Page> => {
    const page = await newPage(browser, pageErrors);
    await signIn(page, system.baseUrl, username);
    return page;
  };
  const token = (page: Page) => page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('club.token'));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const api = async (page: Page, path: string): Promise<any> => {
    const r = await fetch(`${system.baseUrl}${path}`, { headers: { authorization: `Bearer ${await token(page)}` } });
    expect(r.status).toBe(200);
    return r.json();
  };

  it('the club manager lands on the workbench: figures, items, the bell with the server’s count, and an item opens its record', async () => {
    const page = await as('manager');
    await page.waitForURL(/\/workbench$/);
    await page.locator('[data-testid="workbench-todo"]').waitFor();
    const server = await api(page, '/api/workbench');

    // The figures, in the caller's words: none shows its raw key.
    const cards = page.locator('[data-testid="kpi-card"]');
    expect(await cards.count()).toBe(server.kpis.length);
    expect(server.kpis.length).toBeGreaterThan(0);
    const cardText = (await page.locator('[data-testid="workbench-kpis"]').textContent()) ?? '';
    for (const k of server.kpis) expect(cardText).not.toContain(k.key);
    const active = server.kpis.find((k: { key: string }) => k.key === 'members.active');
    const activeCard = page.locator('[data-kpi="members.active"]');
    expect(await activeCard.textContent()).toContain('在册会员');
    expect(await activeCard.textContent()).toContain(active.value.toLocaleString('zh-CN'));
    if (active.previous !== null && active.previous !== active.value) {
      const direction = active.value > active.previous ? 'up' : 'down';
      expect(await activeCard.locator('[data-testid="kpi-change"]').getAttribute('data-direction')).toBe(direction);
      expect(await activeCard.locator('[data-testid="kpi-change"]').textContent()).toContain(direction === 'up' ? '↑' : '↓');
    }

    // What waits on the manager: at least the two above, overdue first, none with a raw key.
    expect(server.items.some((i: { source: string; overdue: boolean }) => i.source === 'applications' && i.overdue)).toBe(true);
    expect(server.items.some((i: { source: string; kind: string }) => i.source === 'data-use-requests' && i.kind === 'decision')).toBe(true);
    const items = page.locator('[data-testid="workbench-item"]');
    expect(await items.count()).toBe(Math.min(server.items.length, 15));
    const listText = (await page.locator('[data-testid="workbench-todo"]').textContent()) ?? '';
    for (const i of server.items.slice(0, 15)) expect(listText).not.toContain(i.action);
    expect(await items.first().getAttribute('data-overdue')).toBe(String(server.items[0].overdue));
    if (server.items[0].overdue) expect(await items.first().locator('[data-testid="overdue-tag"]').count()).toBe(1);
    for (const s of server.sources) expect(await page.locator(`[data-testid="workbench-source"][data-source="${s.name}"]`).getAttribute('data-total')).toBe(String(s.total));

    // The bell says what the server counts.
    const counts = await api(page, '/api/workbench/counts');
    expect(counts.total).toBeGreaterThan(0);
    const bell = page.locator('[data-testid="header-bell"]');
    await expect.poll(() => bell.getAttribute('data-count')).toBe(String(counts.total));
    expect(await page.locator('.ant-layout-header .ant-badge-count').first().getAttribute('title')).toBe(String(counts.total));

    // The first item opens its record.
    const first = server.items[0];
    await items.first().click();
    await page.waitForURL((url) => url.pathname === first.link);
    const recordNo = String(first.title).split(' ')[0];
    await expect.poll(() => page.locator('main, .ant-layout-content').first().textContent(), { timeout: 20_000 }).toContain(recordNo);

    // The bell leads back to the workbench.
    await bell.click();
    await page.waitForURL(/\/workbench$/);
    await page.locator('[data-testid="workbench-item"]').first().waitFor();
    await page.context().close();
  }, 90_000);

  it('the bell counts again as soon as a decision is made, not at its next minute', async () => {
    const page = await as('manager');
    await page.waitForURL(/\/workbench$/);
    await page.goto(`${system.baseUrl}/data-use-requests`);
    const bell = page.locator('[data-testid="header-bell"]');
    const before = (await api(page, '/api/workbench/counts')).total as number;
    await expect.poll(() => bell.getAttribute('data-count'), { timeout: 20_000 }).toBe(String(before));
    await page.locator('[data-testid="data-use-approve"]').first().click();
    await page.locator('.ant-notification-notice-success').waitFor();
    const after = (await api(page, '/api/workbench/counts')).total as number;
    expect(after).toBe(before - 1);
    // Within 5 s (the bell otherwise asks again after a minute, or on a page change after 15 s):
    // only the refetch the approval itself starts is in time.
    await expect.poll(() => bell.getAttribute('data-count'), { timeout: 5_000 }).toBe(String(after));
    await page.context().close();
  }, 60_000);

  it('a role with nothing waiting sees the empty state, and the bell shows none', async () => {
    const page = await as('editor');
    await page.waitForURL(/\/workbench$/);
    await page.locator('[data-testid="workbench-empty"]').waitFor();
    expect(await page.locator('[data-testid="workbench-empty"]').textContent()).toContain('没有等您处理的事项');
    expect(await page.locator('[data-testid="workbench-item"]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="header-bell"]').getAttribute('data-count')).toBe('0');
    await page.context().close();
  }, 60_000);

  it('the marketing role sees no empty menu group; the workbench comes first', async () => {
    const page = await as('marketing');
    await page.waitForURL(/\/workbench$/);
    const sider = page.locator('[data-testid="sider"]');
    await sider.locator('[data-testid="menu-item"]').first().waitFor();
    expect(await sider.locator('[data-testid="menu-item"]').first().getAttribute('data-resource')).toBe('workbench');
    // The group the role had opened empty before.
    await expect.poll(() => sider.textContent()).not.toContain('会员卡与卡费');
    const groups = sider.locator('.ant-menu-submenu');
    const n = await groups.count();
    expect(n).toBeGreaterThan(0);
    for (let g = 0; g < n; g++) {
      const group = groups.nth(g);
      if (!(await group.evaluate((el) => el.classList.contains('ant-menu-submenu-open')))) await group.locator('.ant-menu-submenu-title').click();
      await expect.poll(() => group.locator('.ant-menu-sub [data-testid="menu-item"]').count(), { message: await group.locator('.ant-menu-submenu-title').textContent() ?? '' }).toBeGreaterThan(0);
    }
    await page.context().close();
  }, 60_000);

  it('in English the club manager’s menu labels are not cut off', async () => {
    const page = await as('manager');
    await page.evaluate(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('club.language', 'en'));
    await page.reload();
    const sider = page.locator('[data-testid="sider"]');
    await sider.locator('[data-testid="menu-item"]').first().waitFor();
    await expect.poll(() => sider.textContent()).toContain('Workbench');
    const groups = sider.locator('.ant-menu-submenu');
    for (let g = 0; g < (await groups.count()); g++) {
      const group = groups.nth(g);
      if (!(await group.evaluate((el) => el.classList.contains('ant-menu-submenu-open')))) await group.locator('.ant-menu-submenu-title').click();
    }
    await expect.poll(() => sider.locator('[data-testid="menu-item"]').count()).toBeGreaterThan(10);
    const clipped = await sider.locator('.ant-menu-title-content').evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
    );
    expect(clipped).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  }, 60_000);
});
