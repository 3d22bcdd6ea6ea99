// The built admin in Chromium: the member officer receives one application (M-4, M-5), marks it
// complete, verifies it, approves it, sends the card to production, marks it ready and issues it
// with the collector's signature (M-6, M-9) — and the member then exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startSystem } from './support/system.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A GB 11643 resident ID (with its check character) for a birth date. */
function residentId(birthDate: string, serial: number): string {
  const body = `320102${birthDate.replaceAll('-', '')}${String(serial % 1000).padStart(3, '0')}`;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

/** Opens an antd Select by its form-item id and picks an option (the first, or the one labelled). */
async function choose(page: Page, id: string, label?: string) {
  const item = page.locator(`.ant-form-item:has(#${id})`);
  await item.locator('.ant-select-selector').click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  const option = label
    ? dropdown.locator('.ant-select-item-option', { hasText: label }).first()
    : dropdown.locator('.ant-select-item-option').first();
  await option.waitFor({ state: 'visible' });
  await option.click();
  await expect.poll(() => item.locator('.ant-select-selection-item').count()).toBeGreaterThan(0);
}

async function typeDate(page: Page, id: string, value: string) {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(value);
}

describe('an application in the admin, from receipt through card issue', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    system = await startSystem({ members: 60 });
    // Card numbers come from a range the club manager allocates (M-7).
    const login = await fetch(`${system.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'manager', password: 'Club@2026' }) });
    const { token } = (await login.json()) as { token: string };
    const range = await fetch(`${system.baseUrl}/api/card-ranges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ prefix: 'WEB', fromNo: 1, toNo: 99999, digits: 6, channel: '浏览器测试' }),
    });
    expect(range.status).toBeLessThan(300);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const suffix = Date.now().toString(36).slice(-4).toUpperCase();
  const name = `申请${suffix}`;

  const status = () => page.locator('[data-testid="current-status"]').textContent();
  async function act(testId: string, expected: string) {
    await page.click(`[data-testid="${testId}"]`);
    await expect.poll(status, { timeout: 20_000 }).toContain(expected);
  }

  it('receives, checks, verifies, approves, produces, readies and issues — and the member exists', async () => {
    await page.goto(`${system.baseUrl}/login`);
    await page.fill('#username', 'officer');
    await page.fill('#password', 'Club@2026');
    await page.click('[data-testid="login-submit"]');
    await page.locator('[data-testid="current-user"]').waitFor();

    await page.goto(`${system.baseUrl}/applications/create`);
    await page.locator('[data-testid="section-intake"]').waitFor();
    await page.locator('[data-testid="section-household"]').waitFor();
    await choose(page, 'projectId');
    await choose(page, 'buildingId');
    await choose(page, 'unitId');
    const owner = page.locator('.ant-form-item:has(#ownerId)');
    await expect.poll(() => owner.locator('.ant-select-disabled').count()).toBe(0);
    if ((await owner.locator('.ant-select-selection-item').count()) === 0) await choose(page, 'ownerId');
    await choose(page, 'relation', '配偶');
    await choose(page, 'title', '太太');
    await page.fill('#name', name);
    await choose(page, 'sex', '女');
    await typeDate(page, 'birthDate', '1986-04-12');
    await page.fill('#idNumber', residentId('1986-04-12', Date.now()));
    await page.fill('#mobile', `139${String(Date.now()).slice(-8)}`);
    await page.click('[data-testid="application-save"]');
    await page.waitForURL(/\/applications\/show\/\d+/);
    await expect.poll(status).toContain('已接收');
    expect(await page.locator('[data-testid="application-no"]').textContent()).toMatch(/^SQ\d{4}-\d{6}$/);

    await act('action-complete', '资料齐全');
    await act('action-verify', '已核实');
    await act('action-approve', '已批准');
    await act('action-produce-card', '制卡中');
    await expect.poll(() => page.locator('[data-testid="card-no"]').textContent()).toMatch(/WEB\d{6}/);
    await act('action-card-ready', '卡已制好');
    await page.check('[data-testid="collector-signed"] input, input[data-testid="collector-signed"]');
    await page.check('[data-testid="collector-id-checked"] input, input[data-testid="collector-id-checked"]');
    await act('action-issue', '已发卡');
    const timeline = await page.locator('[data-testid="application-timeline"]').textContent();
    for (const s of ['已接收', '资料齐全', '已核实', '已批准', '制卡中', '卡已制好', '已发卡']) expect(timeline).toContain(s);

    // The member exists and opens from the application.
    await page.click('[data-testid="member-link"]');
    await page.waitForURL(/\/members\/show\/\d+/);
    await expect.poll(() => page.locator('[data-testid="section-personal"]').textContent()).toContain(name);
    expect(pageErrors).toEqual([]);
  }, 150_000);
});
