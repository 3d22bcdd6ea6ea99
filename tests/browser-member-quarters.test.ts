// R-1 in the browser: the marketing team opens the quarterly member analysis; the quarter's
// changes and a section's table show the frozen quarter's figures, in Chinese and in English.
import { describe, expect, it } from 'vitest';
import { signIn } from './support/browser.ts';
import { useBrowserSystem } from './support/browser-system.ts';

describe('the quarterly member analysis page', () => {
  const b = useBrowserSystem({ members: 120 });
  const sql = <T,>(text: string, values: unknown[] = []) => b.sql<T>(text, values);

  it('shows the latest frozen quarter: members at its end, joiners and leavers, and the sex table', async () => {
    const { page, system } = b;
    await signIn(page, system.baseUrl, 'manager');
    await page.goto(`${system.baseUrl}/member-quarters`);
    const changes = page.locator('[data-testid="member-quarters-changes"]');
    await changes.locator('.ant-statistic-content-value').first().waitFor();
    // The scheduled job freezes at start; wait until the API says so, then read the same quarter.
    await expect.poll(async () => (await sql<{ n: number }>(`SELECT count(*)::int n FROM member_quarter_runs`))[0].n, { timeout: 30_000 }).toBeGreaterThan(0);
    const [latest] = await sql<{ q: string; members: number; joined: number; left: number }>(
      `SELECT to_char(r."quarterEnd", 'YYYY-MM-DD') q,
              count(*) FILTER (WHERE s."memberAtEnd")::int members, count(*) FILTER (WHERE s."joinedInQuarter")::int joined, count(*) FILTER (WHERE s."leftInQuarter")::int "left"
         FROM member_quarter_runs r JOIN member_quarter_snapshots s ON s."quarterEnd" = r."quarterEnd"
        GROUP BY r."quarterEnd" ORDER BY r."quarterEnd" DESC LIMIT 1`,
    );
    await expect.poll(async () => (await changes.locator('.ant-statistic-content-value').allTextContents()).map((x) => x.replace(/,/g, '')), { timeout: 30_000 })
      .toEqual([String(latest.members), String(latest.joined), String(latest.left)]);

    const sex = page.locator('[data-testid="member-quarters-sex-card"]');
    await sex.locator('[data-testid="member-quarters-sex-toggle"]').getByText('数据表').click();
    const [female] = await sql<{ n: number }>(`SELECT count(*)::int n FROM member_quarter_snapshots WHERE "quarterEnd" = $1::date AND "memberAtEnd" AND sex = 'FEMALE'`, [latest.q]);
    await expect.poll(async () => (await sex.locator('tr', { hasText: '女' }).first().locator('td').nth(1).textContent())?.replace(/,/g, '')).toBe(String(female.n));
    expect(b.pageErrors).toEqual([]);
  }, 90_000);
});
