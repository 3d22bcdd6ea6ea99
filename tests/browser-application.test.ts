// The built admin in Chromium: the member officer receives one application (M-4, M-5), marks it
// complete, verifies it, approves it, sends the card to production, marks it ready and issues it
// with the collector's signature (M-6, M-9) — and the member then exists.
import { describe, expect, it } from 'vitest';
import { choose, chooseHousehold, residentId, signIn, typeDate } from './support/browser.ts';
import { useBrowserSystem } from './support/browser-system.ts';
import { DEMO_PASSWORD } from '../prisma/seed/factories.ts';

describe('an application in the admin, from receipt through card issue', () => {
  const b = useBrowserSystem({
    members: 60,
    // Card numbers come from a range the club manager allocates (M-7).
    before: async (system) => {
      const login = await fetch(`${system.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'manager', password: DEMO_PASSWORD }) });
      const { token } = (await login.json()) as { token: string };
      const range = await fetch(`${system.baseUrl}/api/card-ranges`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ prefix: 'WEB', fromNo: 1, toNo: 99999, digits: 6, channel: '浏览器测试' }),
      });
      expect(range.status).toBeLessThan(300);
    },
  });

  const suffix = Date.now().toString(36).slice(-4).toUpperCase();
  const name = `申请${suffix}`;

  const status = () => b.page.locator('[data-testid="current-status"]').textContent();
  /** One step: its button, the confirmation where the step cannot be undone, the new state and the step's own message. */
  async function act(testId: string, expected: string, done: RegExp, confirm?: string) {
    await b.page.click(`[data-testid="${testId}"]`);
    if (confirm) await b.page.click(`[data-testid="${confirm}"]`);
    await expect.poll(status, { timeout: 20_000 }).toContain(expected);
    await expect.poll(() => b.page.locator('.ant-notification-notice-success').last().textContent(), { timeout: 20_000 }).toMatch(done);
  }

  it('receives, checks, verifies, approves, produces, readies and issues — and the member exists', async () => {
    await signIn(b.page, b.system.baseUrl, 'officer');

    await b.page.goto(`${b.system.baseUrl}/applications/create`);
    await b.page.locator('[data-testid="section-intake"]').waitFor();
    await b.page.locator('[data-testid="section-household"]').waitFor();
    // Nothing is ticked until the clerk has checked it.
    expect(await b.page.locator('[data-testid="documents-checklist"] input:checked').count()).toBe(0);
    // A validation error scrolls to the first problem instead of seeming to do nothing.
    await b.page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await b.page.click('[data-testid="application-save"]');
    const firstError = b.page.locator('.ant-form-item-has-error').first();
    await firstError.waitFor();
    await expect.poll(() => firstError.evaluate((el) => {
      const r = (el as unknown as { getBoundingClientRect(): { top: number; bottom: number } }).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= (globalThis as unknown as { innerHeight: number }).innerHeight;
    })).toBe(true);
    await chooseHousehold(b.page);
    await choose(b.page, 'relation', '配偶');
    await choose(b.page, 'title', '太太');
    await b.page.fill('#name', name);
    await choose(b.page, 'sex', '女');
    await typeDate(b.page, 'birthDate', '1986-04-12');
    await b.page.fill('#idNumber', residentId('1986-04-12', Date.now()));
    await b.page.fill('#mobile', `139${String(Date.now()).slice(-8)}`);
    await b.page.click('[data-testid="application-save"]');
    await b.page.waitForURL(/\/applications\/show\/\d+/);
    const applicationId = /\/applications\/show\/(\d+)/.exec(b.page.url())![1];
    await expect.poll(status).toContain('已接收');
    expect(await b.page.locator('[data-testid="application-no"]').textContent()).toMatch(/^SQ\d{4}-\d{6}$/);

    const steps = b.page.locator('[data-testid="application-steps"] .ant-steps-item');
    expect(await steps.count()).toBe(8);
    await act('action-complete', '资料齐全', /资料已审核齐全/);
    await act('action-verify', '已核实', /已核实房产资料/);
    await act('action-approve', '已批准', /已批准入会/, 'confirm-approve');
    await act('action-produce-card', '制卡中', /已安排制卡，卡号 WEB\d{6}/, 'confirm-produce-card');
    await expect.poll(() => b.page.locator('[data-testid="card-no"]').textContent()).toMatch(/WEB\d{6}/);
    expect(await b.page.locator('[data-testid="card-status"]').textContent()).toBe('制卡中');
    await act('action-card-ready', '待领卡', /已确认制卡完成/);
    await b.page.check('[data-testid="collector-signed"] input, input[data-testid="collector-signed"]');
    await b.page.check('[data-testid="collector-id-checked"] input, input[data-testid="collector-id-checked"]');
    await act('action-issue', '已发卡', /已发卡/, 'confirm-issue');
    const timeline = await b.page.locator('[data-testid="application-timeline"]').textContent();
    for (const s of ['已接收', '资料齐全', '已核实', '已批准', '制卡中', '待领卡', '已发卡']) expect(timeline).toContain(s);
    expect(await b.page.locator('[data-testid="application-steps"] .ant-steps-item-finish').count()).toBe(8);
    // The member by name and member number, not "#id".
    expect(await b.page.locator('[data-testid="member-link"]').textContent()).toBe(name);

    // The member exists and opens from the application.
    await b.page.click('[data-testid="member-link"]');
    await b.page.waitForURL(/\/members\/show\/\d+/);
    await expect.poll(() => b.page.locator('[data-testid="section-personal"]').textContent()).toContain(name);

    // Appendix 1: the application form prints with the applicant and the eight sections.
    await b.page.goto(`${b.system.baseUrl}/applications/print/${applicationId}`);
    const form = b.page.locator('[data-testid="application-form"]');
    await expect.poll(() => form.textContent(), { timeout: 20_000 }).toContain(name);
    const text = (await form.textContent()) ?? '';
    for (const h of ['一、个人资料', '二、职业', '三、婚姻状况', '四、家庭资料', '五、通讯地址', '六、兴趣爱好', '七、其它', '八、签署']) expect(text).toContain(h);
    expect(b.pageErrors).toEqual([]);
  }, 150_000);
});
