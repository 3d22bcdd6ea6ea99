// The built admin in Chromium against the real API, Cube and a seeded database: an officer
// enters a member (M-4), meets the M-2 age rule on the birth-date field, fixes it, finds the
// member in the list, then sees every dashboard chart drawn.
import { describe, expect, it } from 'vitest';
import { choose, chooseHousehold, residentId, typeDate } from './support/browser.ts';
import { useBrowserSystem } from './support/browser-system.ts';
import { DEMO_PASSWORD } from '../prisma/seed/factories.ts';

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const yearsAgo = (years: number, extraDays = 0) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() + extraDays);
  return isoDate(d);
};

describe('admin in the browser', () => {
  const b = useBrowserSystem({ members: 120 });

  const suffix = Date.now().toString(36).slice(-4).toUpperCase();
  const name = `测试${suffix}`;
  const pinyin = `CESHI ${suffix}`;
  const adultBirthDate = yearsAgo(30);

  it('logs in as the member officer (Chinese by default)', async () => {
    await b.page.goto(`${b.system.baseUrl}/login`);
    await expect.poll(() => b.page.locator('button[data-testid="login-submit"]').textContent()).toContain('登录');
    await b.page.fill('#username', 'officer');
    await b.page.fill('#password', DEMO_PASSWORD);
    await b.page.click('[data-testid="login-submit"]');
    // Every role lands on its workbench (工作台).
    await b.page.waitForURL(/\/workbench/);
    await b.page.locator('[data-testid="current-user"]').waitFor();
    expect(await b.page.locator('[data-testid="current-user"]').textContent()).toContain('会员管理专员');
  }, 60_000);

  it('shows the server M-2 error on the birth-date field, then creates the member', async () => {
    await b.page.goto(`${b.system.baseUrl}/members/create`);
    await b.page.locator('[data-testid="section-household"]').waitFor();

    await chooseHousehold(b.page);
    await choose(b.page, 'relation', '子女');

    await choose(b.page, 'title', '先生');
    await b.page.fill('#name', name);
    await b.page.fill('#pinyin', pinyin);
    await choose(b.page, 'sex', '男');
    await typeDate(b.page, 'birthDate', yearsAgo(17, 10)); // 17 and some months: under M-2's 18
    await b.page.fill('#idNumber', residentId(adultBirthDate, Date.now()));
    await b.page.fill('#mobile', `139${String(Date.now()).slice(-8)}`);

    await b.page.click('[data-testid="family-member-add"]');
    await b.page.fill('#familyMembers_0_name', `${name}之子`);

    await b.page.click('[data-testid="member-save"]');
    const birthItem = b.page.locator('.ant-form-item:has(#birthDate)');
    const birthError = birthItem.locator('.ant-form-item-explain-error');
    await birthError.waitFor({ state: 'visible' });
    expect(await birthError.textContent()).toMatch(/18/);
    expect(b.page.url()).toContain('/members/create');

    await typeDate(b.page, 'birthDate', adultBirthDate);
    await b.page.click('[data-testid="member-save"]');
    await b.page.waitForURL(/\/members\/show\/\d+/);
    await expect.poll(() => b.page.locator('[data-testid="section-personal"]').textContent()).toContain(name);
  }, 90_000);

  it('finds the new member in the list by search', async () => {
    await b.page.goto(`${b.system.baseUrl}/members`);
    await b.page.fill('[data-testid="member-search"] input, input[data-testid="member-search"]', name);
    await b.page.click('[data-testid="member-search-submit"]');
    const rows = b.page.locator('[data-testid="members-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(name);
  }, 60_000);

  it('draws every dashboard chart', async () => {
    await b.page.goto(`${b.system.baseUrl}/dashboard`);
    for (const id of [
      'chart-members-by-project',
      'chart-new-members-by-quarter',
      'chart-members-by-age-band',
      'chart-members-by-sex',
    ]) {
      const chart = b.page.locator(`[data-testid="${id}"]`);
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
    expect(await b.page.locator('.ant-alert-error').count()).toBe(0);
    expect(b.pageErrors).toEqual([]);
  }, 120_000);
});
