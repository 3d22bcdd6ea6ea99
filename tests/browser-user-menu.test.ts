// The header's user menu: 修改密码 shows the server's field error on its field, then changes the
// password and keeps the user signed in with the fresh token; 退出登录 ends the sign-in (the old token
// no longer works) and returns to the login page, where the new password signs in.
import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.ts';
import { useBrowserSystem } from './support/browser-system.ts';
import { DEMO_PASSWORD } from '../prisma/seed/factories.ts';

describe('the header user menu', () => {
  const b = useBrowserSystem({ members: 20 });
  const newPassword = `Neu${Date.now().toString(36)}9x`;

  const token = () => b.page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('club.token'));
  const me = (t: string | null) => fetch(`${b.system.baseUrl}/api/auth/me`, { headers: { authorization: `Bearer ${t}` } }).then((r) => r.status);

  it('shows the name and role, and no sign-out in the sider', async () => {
    await signIn(b.page, b.system.baseUrl, 'manager');
    const user = b.page.locator('[data-testid="current-user"]');
    expect(await user.textContent()).toContain('客户会经理');
    expect(await b.page.locator('.ant-layout-sider').textContent()).not.toContain('退出登录');
  }, 60_000);

  it('changes the password: a wrong current password is an error on its field, then the fresh token replaces the old', async () => {
    const before = await token();
    await b.page.click('[data-testid="current-user"]');
    await b.page.click('[data-testid="change-password"]');
    await b.page.fill('#currentPassword', 'not-the-password');
    await b.page.fill('#newPassword', newPassword);
    await b.page.fill('#confirmPassword', newPassword);
    await b.page.locator('.ant-modal-footer .ant-btn-primary').click();
    const error = b.page.locator('.ant-form-item:has(#currentPassword) .ant-form-item-explain-error');
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toBeTruthy();
    expect(await token()).toBe(before);

    await b.page.fill('#currentPassword', DEMO_PASSWORD);
    await b.page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(token, { timeout: 20_000 }).not.toBe(before);
    expect(await me(await token())).toBe(200);
    await b.page.goto(`${b.system.baseUrl}/members`);
    await b.page.locator('[data-testid="current-user"]').waitFor();
  }, 60_000);

  it('signs out from the menu: the token stops working and the login page shows; the new password signs in', async () => {
    const before = await token();
    await b.page.click('[data-testid="current-user"]');
    await b.page.click('[data-testid="sign-out"]');
    await b.page.waitForURL(/\/login/);
    expect(await token()).toBeNull();
    expect(await me(before)).toBe(401);
    await signIn(b.page, b.system.baseUrl, 'manager', newPassword);
    expect(b.pageErrors).toEqual([]);
  }, 60_000);
});
