// Shared pieces of the browser tests: Chromium from Debian driven by playwright-core, sign-in,
// and the antd form gestures the admin's forms need.
import { expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { idNumberFor } from '../../prisma/seed/factories.ts';
import { DEMO_PASSWORD } from '../../prisma/seed/factories.ts';

export type { Browser, Page };

/** Debian's Chromium, headless, with the flags this closed network needs (stack.md). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page in Chinese at a desktop size, collecting uncaught page errors into `errors`. */
export async function newPage(browser: Browser, errors: string[]): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

export async function signIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('[data-testid="login-submit"]');
  await page.locator('[data-testid="current-user"]').waitFor();
}

/** A valid resident ID (GB 11643) for a birth date, different for each serial. */
export function residentId(birthDate: string, serial: number): string {
  return idNumberFor('320102', new Date(`${birthDate}T00:00:00Z`), 'MALE', serial % 499);
}

/** Opens an antd Select by its form-item id and picks an option (the first, or the one labelled). */
export async function choose(page: Page, id: string, label?: string): Promise<void> {
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

/** Types a date into an antd DatePicker and confirms it. */
export async function typeDate(page: Page, id: string, value: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(value);
}

/** Picks project, building, unit and (when the unit has several) the owner in a member form. */
export async function chooseHousehold(page: Page): Promise<void> {
  await choose(page, 'projectId');
  await choose(page, 'buildingId');
  await choose(page, 'unitId');
  // The unit's household and, when it has one owner, that owner are filled in by the form.
  const owner = page.locator('.ant-form-item:has(#ownerId)');
  await expect.poll(() => owner.locator('.ant-select-disabled').count()).toBe(0);
  if ((await owner.locator('.ant-select-selection-item').count()) === 0) await choose(page, 'ownerId');
}
