// One line for a browser test: the whole system (tests/support/system.ts), one Chromium and a page
// that collects the page's errors, started before the file's tests and stopped after them, plus
// SQL on the system's database for the test's own expectations.
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, newPage, type Browser, type Page } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

export interface BrowserSystem {
  readonly system: RunningSystem;
  readonly browser: Browser;
  readonly page: Page;
  /** Errors the page threw or logged (newPage collects them); a test expects none. */
  readonly pageErrors: string[];
  sql<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
}

export function useBrowserSystem(opts: Parameters<typeof startSystem>[0] & { before?: (system: RunningSystem) => Promise<void> } = {}): BrowserSystem {
  let system: RunningSystem | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const pageErrors: string[] = [];
  const ready = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`${what} is not started yet (use it inside a test)`);
    return v;
  };

  beforeAll(async () => {
    const { before, ...systemOpts } = opts;
    system = await startSystem(systemOpts);
    await before?.(system);
    browser = await launchChromium();
    page = await newPage(browser, pageErrors);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  return {
    get system() {
      return ready(system, 'the system');
    },
    get browser() {
      return ready(browser, 'the browser');
    },
    get page() {
      return ready(page, 'the page');
    },
    pageErrors,
    async sql<T>(text: string, values: unknown[] = []) {
      const c = new pg.Client({ connectionString: ready(system, 'the system').databaseUrl });
      await c.connect();
      try {
        return (await c.query(text, values)).rows as T[];
      } finally {
        await c.end();
      }
    },
  };
}
