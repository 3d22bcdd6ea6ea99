// Every page in the menu opens without a script error, for each kind of user: the member officer,
// the club manager, the division leader, a regional officer and a role that sees masked data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage, signIn, type Browser } from './support/browser.ts';
import { startSystem } from './support/system.ts';

describe('every menu page opens for every kind of user', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  let browser: Browser;

  beforeAll(async () => {
    system = await startSystem({ members: 60 });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  for (const username of ['officer', 'manager', 'leader', 'officer_sh', 'editor']) {
    it(`${username}: no page errors, no error screens`, async () => {
      const errors: string[] = [];
      const page = await newPage(browser, errors);
      await signIn(page, system.baseUrl, username);
      // Open every submenu so every menu link is in the page.
      const closed = page.locator('.ant-layout-sider .ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
      for (let i = 0; i < 10 && (await closed.count()) > 0; i++) {
        await closed.first().click();
        await page.waitForTimeout(300);
      }
      const links = [...new Set(await page.locator('.ant-layout-sider a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))];
      expect(links.length).toBeGreaterThan(1);
      for (const href of links) {
        await page.goto(`${system.baseUrl}${href}`);
        await page.waitForLoadState('networkidle');
        expect(errors, `${username} ${href}`).toEqual([]);
        expect(await page.locator('.ant-result-error, .ant-result-500, .ant-result-403').count(), `${username} ${href}`).toBe(0);
      }
      await page.context().close();
    }, 120_000);
  }
});
