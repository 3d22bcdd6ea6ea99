// The activity plan's pages in a real browser: the activity officer submits a plan from its page,
// the club manager finds it under 待我审批 and approves it, the division leader rejects it with a
// reason, and the plan's approval history shows who decided what, with the revision deadline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedClub } from '../prisma/seed/seed-club.ts';
import { repoRoot } from '../server/src/config/app-config.ts';
import { startApi, type RunningApi } from './support/api.ts';
import { launchChromium, newPage, signIn, type Browser, type Page } from './support/browser.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

describe('annual activity plan pages', () => {
  let t: TestDatabase;
  let api: RunningApi;
  let browser: Browser;
  let page: Page;
  let planId: number;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    await seedClub(t.db, { members: 0, demoAccounts: true });
    api = await startApi(t.db, { adminDist: `${repoRoot}/admin/dist` });
    const token = await api.login('activity');
    const created = await api.call('POST', '/api/activity-plans', {
      token,
      body: {
        year: 2027,
        title: '集团年度会员活动计划',
        lastYearFixes: '去年活动通知发布太晚',
        memberSummary: '会员以年轻家庭为主',
        activities: [{ name: '春季亲子徒步', startsOn: '2027-04-10', endsOn: '2027-04-10', expectedParticipants: 120, departments: ['客户会'], budgetLines: [{ item: '交通', amountFen: 800000 }] }],
      },
    });
    expect(created.status).toBe(201);
    planId = created.body.id;
    browser = await launchChromium();
    page = await newPage(browser, pageErrors);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await t?.drop();
  });

  const signOutAndIn = async (user: string) => {
    await page.context().clearCookies();
    await page.evaluate(() => (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear());
    await signIn(page, api.baseUrl, user);
  };

  it('the activity officer submits the plan from its page', async () => {
    await signIn(page, api.baseUrl, 'activity');
    await page.goto(`${api.baseUrl}/activity-plans/show/${planId}`);
    await page.locator('text=春季亲子徒步').waitFor();
    await page.click('[data-testid="activity-plan-submit"]');
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.locator('text=第 1 次提交').waitFor();
    expect(await page.locator('[data-testid="approval-history"]').first().textContent()).toContain('客户会经理');
  }, 60_000);

  it('the club manager finds it under 待我审批 and approves it on the plan’s page', async () => {
    await signOutAndIn('manager');
    await page.goto(`${api.baseUrl}/approvals`);
    const row = page.locator('[data-testid="approvals-table"] tr:has-text("集团年度会员活动计划")');
    await row.waitFor();
    expect(await row.textContent()).toContain('年度活动计划');
    await row.locator('a').first().click();
    await page.click('[data-testid="approval-approve"]');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(async () => (await page.locator('[data-testid="approval-history"] tbody tr').first().textContent()) ?? '', { timeout: 20_000 }).toContain('王经理');
  }, 60_000);

  it('the division leader must give a reason to reject; the history shows it and the revision deadline', async () => {
    await signOutAndIn('leader');
    await page.goto(`${api.baseUrl}/activity-plans/show/${planId}`);
    await page.click('[data-testid="approval-reject"]');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal .ant-form-item-explain-error').waitFor();
    await page.fill('[data-testid="approval-reason"]', '预算需按季度拆分');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const history = page.locator('[data-testid="approval-history"]').first();
    await expect.poll(async () => (await history.textContent()) ?? '', { timeout: 20_000 }).toContain('预算需按季度拆分');
    const round = await api.call('GET', `/api/approvals/subjects/activity-plan/${planId}`, { token: await api.login('leader') });
    expect(await history.textContent()).toContain(`修改期限 ${round.body[0].revisionDueOn}`);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
