// The built admin works under the API's Content-Security-Policy (server/src/common/security-headers.ts):
// Chromium reports every blocked script, style, image or connection as a `securitypolicyviolation`
// event and a console error. tests/browser.test.ts only collects uncaught page errors, which a
// blocked style or image never is; this file walks the main pages and fails on any violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signIn, type Browser, type Page } from './support/browser.ts';
import { startSystem } from './support/system.ts';

describe('the admin under the Content-Security-Policy', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  /** What the page's own listener recorded (an init script, so it runs before the admin's code). */
  const violations = () => page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations ?? []);

  beforeAll(async () => {
    system = await startSystem({ members: 80 });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
    await context.addInitScript(() => {
      const g = globalThis as unknown as { __cspViolations: string[]; addEventListener: (type: string, fn: (e: { violatedDirective: string; blockedURI: string }) => void) => void };
      g.__cspViolations = [];
      g.addEventListener('securitypolicyviolation', (e) => g.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('serves the admin with the policy', async () => {
    const r = await page.goto(`${system.baseUrl}/login`);
    expect(r?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(r?.headers()['x-frame-options']).toBe('DENY');
  });

  it('signs in, lists members, opens one, draws the dashboard and the audit log without a violation', async () => {
    await signIn(page, system.baseUrl, 'manager');
    await page.goto(`${system.baseUrl}/members`);
    await page.locator('.ant-table-row').first().waitFor();
    await page.locator('.ant-table-row').first().locator('a, button').first().click();
    await page.waitForLoadState('networkidle');
    await page.goto(`${system.baseUrl}/dashboard`);
    const chart = page.locator('[data-testid="chart-members-by-sex"]');
    await chart.waitFor();
    await expect.poll(() => chart.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    await chart.locator('canvas').first().waitFor();
    await page.goto(`${system.baseUrl}/audit-log`);
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  }, 120_000);

  it('the API docs (Swagger UI) work under it too', async () => {
    await page.goto(`${system.baseUrl}/api/docs`);
    await page.locator('.swagger-ui .info').waitFor();
    expect(await violations()).toEqual([]);
  }, 60_000);
});
