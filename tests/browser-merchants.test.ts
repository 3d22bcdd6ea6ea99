// The merchant officer's merchants in a real browser: a signed merchant not visited this quarter is
// an item on the workbench in words; the item opens the merchant's page (stage, agreement, plaque,
// visits), a visit recorded there is listed, and the list finds the merchant with its region's name.
import { describe, expect, it } from 'vitest';
import { clubToday } from '../server/src/calendar/calendar.service.ts';
import { DEMO_PASSWORD } from '../prisma/seed/factories.ts';
import { signIn, typeDate } from './support/browser.ts';
import { useBrowserSystem } from './support/browser-system.ts';

const day = (offset = 0) => new Date(clubToday().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const NAME = '金陵小馆（浏览器测试）';
const CONTRACT = 'HT-BROWSER-001';
let merchantId = 0;

const s = useBrowserSystem({
  members: 0,
  // The demo seed has no merchants: one made as the merchant officer makes it, through its pipeline to a signed agreement.
  before: async (system) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const call = async (method: string, path: string, token: string | null, body?: unknown): Promise<any> => {
      const r = await fetch(`${system.baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const answer = await r.json();
      expect(r.status, JSON.stringify(answer)).toBeLessThan(300);
      return answer;
    };
    const { token } = await call('POST', '/api/auth/login', null, { username: 'merchant', password: DEMO_PASSWORD });
    const m = await call('POST', '/api/merchants', token, {
      name: NAME,
      category: '餐饮',
      regionCode: 'NJ',
      pipeline: 'ACTIVE',
      notes: '口碑良好，营业执照齐全',
      on: day(-30),
      contact: '刘店长',
      reputationOk: true,
      licencesComplete: true,
    });
    merchantId = m.id;
    for (const [stage, notes] of [['NEGOTIATION', '洽谈折扣'], ['SIGNING', '双方签约']]) await call('POST', `/api/merchants/${m.id}/steps`, token, { stage, notes, on: day(-20) });
    await call('POST', `/api/merchants/${m.id}/agreements`, token, {
      contractNo: CONTRACT,
      clubParty: '客户会',
      merchantParty: '金陵小馆餐饮有限公司',
      businessScope: '中餐、宴席',
      discount: '会员凭卡 8.8 折',
      termYears: 1,
      startOn: day(-10),
      endOn: day(355),
      clubAddress: '南京市建邺区某路 1 号',
      merchantAddress: '南京市鼓楼区某街 8 号',
      clubRepresentative: '王经理',
      merchantRepresentative: '张老板',
      clubContact: '周商务',
      merchantContact: '刘店长',
      clubPhone: '025-88880000',
      merchantPhone: '025-66660000',
      clubFax: null,
      merchantFax: null,
    });
  },
});

describe('merchant pages', () => {
  it('the workbench’s visit item opens the merchant; a visit recorded there is listed', async () => {
    const { page, system } = s;
    await signIn(page, system.baseUrl, 'merchant');
    await page.goto(`${system.baseUrl}/workbench`);
    const item = page.locator('[data-testid="workbench-item"][data-source="merchant-visits"]', { hasText: NAME });
    await item.waitFor();
    const words = (await item.textContent()) ?? '';
    expect(words).toContain('本季度走访商家');
    expect(words).not.toContain('merchants.next');
    expect(words).toContain('商家走访');
    await item.click();
    await page.waitForURL(new RegExp(`/merchants/show/${merchantId}$`));

    // The merchant's page: its stage, agreement and plaque in words, no visit yet.
    await page.locator('[data-testid="merchant-stage"]', { hasText: '签约' }).waitFor();
    const agreements = page.locator('[data-testid="merchant-agreements"]');
    await agreements.locator('tr', { hasText: CONTRACT }).waitFor();
    expect(await agreements.textContent()).toContain('有效');
    expect(await page.locator('[data-testid="merchant-plaque"]').textContent()).toBe('尚未发放');
    const body = (await page.locator('main').textContent()) ?? '';
    for (const code of ['INFORMATION', 'NEGOTIATION', 'SIGNING', 'IN_TERM', 'ACTIVE', 'merchants.']) expect(body).not.toContain(code);
    await page.locator('[data-testid="merchant-visits"]', { hasText: '暂无走访记录' }).waitFor();

    // Record a visit: the required fields are asked for, then it is listed.
    await page.click('[data-testid="merchant-record-visit"]');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal .ant-form-item-explain-error').first().waitFor();
    await page.fill('.ant-modal #visitor', '周商务');
    await page.fill('.ant-modal #covered', '核对会员折扣执行情况，抽查菜品价格');
    // A day after today is the server's to refuse, and its message stands under the date.
    await typeDate(page, 'visitedOn', day(1));
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-modal .ant-form-item:has(#visitedOn) .ant-form-item-explain-error', { hasText: '日期不能晚于今天' }).waitFor();
    await typeDate(page, 'visitedOn', day());
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const row = page.locator('[data-testid="merchant-visits"] tr', { hasText: '核对会员折扣执行情况' });
    await row.waitFor();
    expect(await row.textContent()).toContain('实地走访');
    expect(await row.textContent()).toContain(day());
    const [stored] = await s.sql<{ n: number }>('SELECT count(*)::int AS n FROM merchant_visits WHERE "merchantId" = $1', [merchantId]);
    expect(stored.n).toBe(1);
  }, 90_000);

  it('the list finds the merchant with its region’s name and the total', async () => {
    const { page, system } = s;
    await page.goto(`${system.baseUrl}/merchants`);
    const row = page.locator('[data-testid="merchants-table"] tr', { hasText: NAME });
    await row.waitFor();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('南京');
    expect(await row.textContent()).toContain('合作中');
    expect(await page.locator('.ant-pagination-total-text').textContent()).toContain('1');
    // The appendix-5 table of the listed merchants, as Excel.
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="merchants-export"]')]);
    expect(file.suggestedFilename()).toMatch(/^联盟商家一览表-.*\.xlsx$/);
    expect(s.pageErrors).toEqual([]);
  }, 60_000);
});
