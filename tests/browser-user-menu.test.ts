// The header's user menu: 修改密码 shows the server's field error on its field, then changes the
// password and keeps the user signed in with the fresh token; 退出登录 ends the sign-in (the old token
// no longer works) and returns to the login page, where the new password signs in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage, signIn, type Browser, type Page } from './support/browser.ts';
import { startSystem } from './support/system.ts';
import { DEMO_PASSWORD } from '../prisma/seed/factories.ts';

describe('the header user menu', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const newPassword = `Neu${Date.now().toString(36)}9x`;

  beforeAll(async () => {
    system = await startSystem({ members: 20 });
    browser = await launchChromium();
    page = await newPage(browser, pageErrors);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  const token = () => page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('club.token'));
  const me = (t: string | null) => fetch(`${system.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${t}` } }).then((r) => r.status);

  it('shows the name and role, and no sign-out in the sider', async () => {
    await signIn(page, system.baseUrl, 'manager');
    const user = page.locator('[data-testid="current-user"]');
    expect(await user.textContent()).toContain('客户会经理');
    expect(await page.locator('.ant-layout-sider').textContent()).not.toContain('退出登录');
  }, 60_000);

  it('changes the password: a wrong current password is an error on its field, then the fresh token replaces the old', async () => {
    const before = await token();
    await page.click('[data-testid="current-user"]');
    await page.click('[data-testid="change-password"]');
    await page.fill('#currentPassword', 'not-the-password');
    await page.fill('#newPassword', newPassword);
    await page.fill('#confirmPassword', newPassword);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const error = page.locator('.ant-form-item:has(#currentPassword) .ant-form-item-explain-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toBeTruthy();
    expect(await token()).toBe(before);

    await page.fill('#currentPassword', DEMO_PASSWORD);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(token, { timeout: 20_000 }).not.toBe(before);
    expect(await me(await token())).toBe(200);
    await page.goto(`${system.baseUrl}/members`);
    await page.locator('[data-testid="current-user"]').waitFor();
  }, 60_000);

  it('signs out from the menu: the token stops working and the login page shows; the new password signs in', async () => {
    const before = await token();
    await page.click('[data-testid="current-user"]');
    await page.click('[data-testid="sign-out"]');
    await page.waitForURL(/\/login/);
    expect(await token()).toBeNull();
    expect(await me(before)).toBe(401);
    await signIn(page, system.baseUrl, 'manager', newPassword);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
