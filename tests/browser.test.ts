// The built admin in Chromium against the real API, Cube and a seeded database: an officer
// enters a member (M-4), meets the M-2 age rule on the birth-date field, fixes it, finds the
// member in the list, then sees every dashboard chart drawn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, chooseHousehold, launchChromium, newPage, residentId, typeDate, type Browser, type Page } from './support/browser.ts';
import { startSystem } from './support/system.ts';
import { DEMO_PASSWORD } from '../prisma/seed/factories.ts';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const yearsAgo = (years: number, extraDays = 0) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() + extraDays);
  return isoDate(d);
};

describe('admin in the browser', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    system = await startSystem({ members: 120 });
    // Playwright gives each launch a fresh temporary profile (no --user-data-dir needed).
    browser = await launchChromium();
    page = await newPage(browser, pageErrors);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const suffix = Date.now().toString(36).slice(-4).toUpperCase();
  const name = `测试${suffix}`;
  const pinyin = `CESHI ${suffix}`;
  const adultBirthDate = yearsAgo(30);

  it('logs in as the member officer (Chinese by default)', async () => {
    await page.goto(`${system.baseUrl}/login`);
    await expect.poll(() => page.locator('button[data-testid="login-submit"]').textContent()).toContain('登录');
    await page.fill('#username', 'officer');
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('[data-testid="login-submit"]');
    // Every role lands on its workbench (工作台).
    await page.waitForURL(/\/workbench/);
    await page.locator('[data-testid="current-user"]').waitFor();
    expect(await page.locator('[data-testid="current-user"]').textContent()).toContain('会员管理专员');
  }, 60_000);

  it('shows the server M-2 error on the birth-date field, then creates the member', async () => {
    await page.goto(`${system.baseUrl}/members/create`);
    await page.locator('[data-testid="section-household"]').waitFor();

    await chooseHousehold(page);
    await choose(page, 'relation', '子女');

    await choose(page, 'title', '先生');
    await page.fill('#name', name);
    await page.fill('#pinyin', pinyin);
    await choose(page, 'sex', '男');
    await typeDate(page, 'birthDate', yearsAgo(17, 10)); // 17 and some months: under M-2's 18
    await page.fill('#idNumber', residentId(adultBirthDate, Date.now()));
    await page.fill('#mobile', `139${String(Date.now()).slice(-8)}`);

    await page.click('[data-testid="family-member-add"]');
    await page.fill('#familyMembers_0_name', `${name}之子`);

    await page.click('[data-testid="member-save"]');
    const birthItem = page.locator('.ant-form-item:has(#birthDate)');
    const birthError = birthItem.locator('.ant-form-item-explain-error');
    await birthError.waitFor({ state: 'visible' });
    expect(await birthError.textContent()).toMatch(/18/);
    expect(page.url()).toContain('/members/create');

    await typeDate(page, 'birthDate', adultBirthDate);
    await page.click('[data-testid="member-save"]');
    await page.waitForURL(/\/members\/show\/\d+/);
    await expect.poll(() => page.locator('[data-testid="section-personal"]').textContent()).toContain(name);
  }, 90_000);

  it('finds the new member in the list by search', async () => {
    await page.goto(`${system.baseUrl}/members`);
    await page.fill('[data-testid="member-search"] input, input[data-testid="member-search"]', name);
    await page.click('[data-testid="member-search-submit"]');
    const rows = page.locator('[data-testid="members-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(name);
  }, 60_000);

  it('draws every dashboard chart', async () => {
    await page.goto(`${system.baseUrl}/dashboard`);
    for (const id of [
      'chart-members-by-project',
      'chart-new-members-by-quarter',
      'chart-members-by-age-band',
      'chart-members-by-sex',
    ]) {
      const chart = page.locator(`[data-testid="${id}"]`);
      await chart.waitFor();
      // Cube may answer "Continue wait" while a rollup builds; the card spins until data arrives.
      await expect.poll(() => chart.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
      const canvas = chart.locator('canvas').first();
      await canvas.waitFor();
      // A drawn canvas has pixels that are not fully transparent.
      await expect
        .poll(
          () =>
            canvas.evaluate((el) => {
              // The root tsconfig has no DOM lib; describe just what is used.
              const c = el as unknown as {
                width: number;
                height: number;
                getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
              };
              const ctx = c.getContext('2d');
              if (!ctx || !c.width || !c.height) return 0;
              const { data } = ctx.getImageData(0, 0, c.width, c.height);
              let painted = 0;
              for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
              return painted;
            }),
          { timeout: 20_000 },
        )
        .toBeGreaterThan(500);
    }
    expect(await page.locator('.ant-alert-error').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
