// Alliance merchants (domain.md B-1 to B-5) against the real database: the pipelines in their
// order, agreements, renewal and objection, offer changes, reported changes, the appendix-5
// table as Excel, visits due each quarter and their workbench items, region scope, bad input.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { clubToday } from '../../server/src/calendar/calendar.service.ts';
import { agreementTerm } from '../../server/src/merchants/merchants.rules.ts';
import { useApi } from '../support/fixture.ts';

const f = useApi({
  members: 0,
  users: ['merchant', 'manager', 'officer'],
  // A regional merchant officer (Shanghai), with the demo merchant officer's password.
  beforeApi: async (fx) => {
    const m = await fx.db.staffUser.findUniqueOrThrow({ where: { username: 'merchant' } });
    await fx.db.staffUser.create({ data: { username: 'merchant_sh', displayName: '上海商务', passwordHash: m.passwordHash, role: 'merchant_officer', regionCode: 'SH' } });
  },
});

const day = (offset = 0) => new Date(clubToday().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
let seq = 0;

async function newMerchant(token: string, over: Record<string, unknown> = {}) {
  seq += 1;
  const r = await f.call('POST', '/api/merchants', {
    token,
    body: { name: `测试商家${seq}`, category: '餐饮', regionCode: 'NJ', pipeline: 'ACTIVE', notes: '口碑良好，营业执照齐全', on: day(-30), reputationOk: true, licencesComplete: true, ...over },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body;
}

function agreementBody(contractNo: string, over: Record<string, unknown> = {}) {
  return {
    contractNo,
    clubParty: '客户会',
    merchantParty: '某某餐饮有限公司',
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
    clubFax: '025-88880001',
    merchantFax: null,
    ...over,
  };
}

/** A merchant taken through its pipeline to a signed agreement. */
async function signedMerchant(token: string, contractNo: string, over: Record<string, unknown> = {}) {
  const m = await newMerchant(token, over);
  const order = m.pipeline === 'ACTIVE' ? ['NEGOTIATION', 'SIGNING'] : ['INFORMATION', 'SIGNING'];
  for (const stage of order) {
    const s = await f.call('POST', `/api/merchants/${m.id}/steps`, { token, body: { stage, notes: `${stage} 完成`, on: day(-20) } });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
  }
  const a = await f.call('POST', `/api/merchants/${m.id}/agreements`, { token, body: agreementBody(contractNo) });
  expect(a.status, JSON.stringify(a.body)).toBe(201);
  return { merchant: m, agreement: a.body };
}

describe('merchant pipelines (B-2)', () => {
  it('the active pipeline goes information → negotiation → signing, and no step is skipped', async () => {
    const token = f.tokens.merchant;
    const m = await newMerchant(token);
    expect(m).toMatchObject({ pipeline: 'ACTIVE', stage: 'INFORMATION', nextStage: 'NEGOTIATION', status: 'PROSPECT' });
    expect(m.checklist).toMatchObject({ reputationOk: true, licencesComplete: true, noMajorIncident3y: false });
    const skip = await f.call('POST', `/api/merchants/${m.id}/steps`, { token, body: { stage: 'SIGNING', notes: '直接签约', on: day() } });
    expect(skip.status).toBe(400);
    expect(skip.body.errors.stage).toContain('洽谈');
    const neg = await f.call('POST', `/api/merchants/${m.id}/steps`, { token, body: { stage: 'NEGOTIATION', notes: '首次接触，谈折扣', on: day(-5) } });
    expect(neg.body).toMatchObject({ stage: 'NEGOTIATION', nextStage: 'SIGNING' });
    const sign = await f.call('POST', `/api/merchants/${m.id}/steps`, { token, body: { stage: 'SIGNING', notes: '折扣确定', on: day() } });
    expect(sign.body.stage).toBe('SIGNING');
    expect(sign.body.steps.map((s: any) => [s.stage, s.notes])).toEqual([
      ['INFORMATION', '口碑良好，营业执照齐全'],
      ['NEGOTIATION', '首次接触，谈折扣'],
      ['SIGNING', '折扣确定'],
    ]);
    // The name, category and checklist are edited; the stage only through steps.
    const edit = await f.call('PATCH', `/api/merchants/${m.id}`, { token, body: { category: '美容', noMajorIncident3y: true } });
    expect(edit.body).toMatchObject({ category: '美容', stage: 'SIGNING', checklist: { noMajorIncident3y: true, reputationOk: true } });
    expect((await f.call('PATCH', `/api/merchants/${m.id}`, { token, body: { stage: 'INFORMATION' } })).status).toBe(400);
    const again = await f.call('POST', `/api/merchants/${m.id}/steps`, { token, body: { stage: 'SIGNING', notes: 'x', on: day() }, lang: 'en' });
    expect(again.status).toBe(400);
    expect(again.body.errors.stage).toMatch(/signed|pipeline/);
  });

  it('the passive pipeline starts with negotiation, then information, then signing', async () => {
    const token = f.tokens.merchant;
    const m = await newMerchant(token, { pipeline: 'PASSIVE' });
    expect(m).toMatchObject({ stage: 'NEGOTIATION', nextStage: 'INFORMATION' });
    expect((await f.call('POST', `/api/merchants/${m.id}/steps`, { token, body: { stage: 'SIGNING', notes: 'x', on: day() } })).status).toBe(400);
    const info = await f.call('POST', `/api/merchants/${m.id}/steps`, { token, body: { stage: 'INFORMATION', notes: '核实口碑与位置', on: day() } });
    expect(info.body).toMatchObject({ stage: 'INFORMATION', nextStage: 'SIGNING' });
    // No agreement before the signing step.
    const early = await f.call('POST', `/api/merchants/${m.id}/agreements`, { token, body: agreementBody('HT-EARLY-1') });
    expect(early.status).toBe(400);
    expect(early.body.errors.contractNo).toBeTruthy();
  });
});

describe('agreements (B-3, B-4)', () => {
  it('an agreement makes the merchant active; the contract number is unique', async () => {
    const token = f.tokens.merchant;
    const { merchant, agreement } = await signedMerchant(token, 'HT-2026-001');
    expect(agreement).toMatchObject({ contractNo: 'HT-2026-001', merchantId: merchant.id, state: 'IN_TERM', currentEndOn: day(355), merchantFax: null, clubFax: '025-88880001' });
    const m = await f.call('GET', `/api/merchants/${merchant.id}`, { token });
    expect(m.body).toMatchObject({ status: 'ACTIVE', signedOn: day(-10), representative: '张老板', phone: '025-66660000' });

    const other = await newMerchant(token, { pipeline: 'PASSIVE' });
    for (const stage of ['INFORMATION', 'SIGNING']) await f.call('POST', `/api/merchants/${other.id}/steps`, { token, body: { stage, notes: 'ok', on: day() } });
    const dup = await f.call('POST', `/api/merchants/${other.id}/agreements`, { token, body: agreementBody('HT-2026-001') });
    expect(dup.status).toBe(400);
    expect(dup.body.errors.contractNo).toContain('合同编号');
    const [{ n }] = (await (await f.sql()).query(`SELECT count(*)::int n FROM merchant_agreements WHERE "contractNo" = 'HT-2026-001'`)).rows;
    expect(n).toBe(1);
    const backwards = await f.call('POST', `/api/merchants/${other.id}/agreements`, { token, body: agreementBody('HT-2026-002', { startOn: day(), endOn: day(-1) }) });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors.endOn).toBeTruthy();
  });

  it('renews automatically unless either side objects; an objection ends it at the end of the term', async () => {
    // The rule itself, over several terms.
    const endOn = new Date('2025-06-30T00:00:00Z');
    expect(agreementTerm({ endOn, termYears: 1, objectedOn: null }, new Date('2026-12-01T00:00:00Z'))).toEqual({ state: 'IN_TERM', currentEndOn: new Date('2027-06-30T00:00:00Z') });
    expect(agreementTerm({ endOn, termYears: 1, objectedOn: new Date('2025-09-01T00:00:00Z') }, new Date('2026-12-01T00:00:00Z'))).toEqual({ state: 'ENDED', currentEndOn: new Date('2026-06-30T00:00:00Z') });
    expect(agreementTerm({ endOn, termYears: 2, objectedOn: new Date('2025-05-01T00:00:00Z') }, new Date('2025-06-01T00:00:00Z'))).toEqual({ state: 'ENDING', currentEndOn: endOn });

    const token = f.tokens.merchant;
    const { agreement } = await signedMerchant(token, 'HT-2026-010');
    const obj = await f.call('POST', `/api/merchant-agreements/${agreement.id}/objection`, { token, body: { by: 'MERCHANT', on: day(), notes: '商家书面提出期满不续约' } });
    expect(obj.status).toBe(201);
    expect(obj.body).toMatchObject({ state: 'ENDING', currentEndOn: day(355), objectedBy: 'MERCHANT', objectedOn: day() });
    const twice = await f.call('POST', `/api/merchant-agreements/${agreement.id}/objection`, { token, body: { by: 'CLUB', on: day() } });
    expect(twice.status).toBe(400);
    const objected = await f.call('GET', '/api/merchant-agreements?objected=true', { token });
    expect(objected.body.map((a: any) => a.id)).toContain(agreement.id);
    expect(objected.body.every((a: any) => a.objectedOn)).toBe(true);
  });

  it('a price increase or withdrawal needs 30 days’ notice and the club’s written consent before it takes effect', async () => {
    const token = f.tokens.merchant;
    const { agreement } = await signedMerchant(token, 'HT-2026-020');
    const noticeOn = day(-40);
    const short = await f.call('POST', `/api/merchant-agreements/${agreement.id}/offer-changes`, { token, body: { kind: 'PRICE_INCREASE', description: '折扣由 8.8 折调为 9.5 折', noticeOn, effectiveOn: day(-11) } });
    expect(short.status).toBe(400);
    expect(short.body.errors.effectiveOn).toContain(day(-10));
    const ok = await f.call('POST', `/api/merchant-agreements/${agreement.id}/offer-changes`, { token, body: { kind: 'PRICE_INCREASE', description: '折扣由 8.8 折调为 9.5 折', noticeOn, effectiveOn: day(-10) } });
    expect(ok.status).toBe(201);
    const change = ok.body.offerChanges[0];
    // The day has come, but without the club's consent the change is not in effect.
    expect(change).toMatchObject({ needsConsent: true, earliestEffectiveOn: day(-10), consentOn: null, inEffect: false });
    const consent = await f.call('POST', `/api/merchant-agreements/${agreement.id}/offer-changes/${change.id}/consent`, { token: f.tokens.manager, body: { on: day(-12) } });
    expect(consent.status).toBe(201);
    expect(consent.body.offerChanges[0]).toMatchObject({ consentOn: day(-12), inEffect: true });
    expect((await f.call('POST', `/api/merchant-agreements/${agreement.id}/offer-changes/${change.id}/consent`, { token, body: { on: day() } })).status).toBe(400);
    // A lower price needs no notice.
    const lower = await f.call('POST', `/api/merchant-agreements/${agreement.id}/offer-changes`, { token, body: { kind: 'PRICE_DECREASE', description: '他处更低价，按最低价执行', noticeOn: day(), effectiveOn: day() } });
    expect(lower.body.offerChanges[1]).toMatchObject({ needsConsent: false, inEffect: true });
    // It needs no consent either, and says so; nor may it take effect before its notice.
    const needless = await f.call('POST', `/api/merchant-agreements/${agreement.id}/offer-changes/${lower.body.offerChanges[1].id}/consent`, { token, body: { on: day() } });
    expect(needless.status).toBe(400);
    expect(needless.body.errors.on).toContain('无需');
    const backdated = await f.call('POST', `/api/merchant-agreements/${agreement.id}/offer-changes`, { token, body: { kind: 'PRICE_DECREASE', description: '降价', noticeOn: day(), effectiveOn: day(-1) } });
    expect(backdated.status).toBe(400);
    expect(backdated.body.errors.effectiveOn).toContain('通知');
    const withdrawal = await f.call('POST', `/api/merchant-agreements/${agreement.id}/offer-changes`, { token, body: { kind: 'WITHDRAWAL', description: '取消优惠', noticeOn: day(), effectiveOn: day(29) }, lang: 'en' });
    expect(withdrawal.status).toBe(400);
    expect(withdrawal.body.errors.effectiveOn).toContain('30 days');
  });

  it('changes of representative, contact, address, phone and products are kept as history; the plaque is issued and withdrawn', async () => {
    const token = f.tokens.merchant;
    const { merchant } = await signedMerchant(token, 'HT-2026-030');
    const r = await f.call('POST', `/api/merchants/${merchant.id}/changes`, { token, body: { reportedOn: day(-3), representative: '李老板', phone: '025-66669999', contact: '刘店长' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ representative: '李老板', phone: '025-66669999', contact: '刘店长' });
    expect(r.body.changes.map((c: any) => [c.field, c.oldValue, c.newValue, c.reportedOn])).toEqual([
      ['representative', '张老板', '李老板', day(-3)],
      ['phone', '025-66660000', '025-66669999', day(-3)],
    ]);
    const same = await f.call('POST', `/api/merchants/${merchant.id}/changes`, { token, body: { reportedOn: day(), representative: '李老板' } });
    expect(same.status).toBe(400);
    const prod = await f.call('POST', `/api/merchants/${merchant.id}/changes`, { token, body: { reportedOn: day(), products: '新增外卖套餐' } });
    expect(prod.body.changes).toHaveLength(3);

    expect((await f.call('POST', `/api/merchants/${merchant.id}/plaque/withdraw`, { token, body: { on: day() } })).status).toBe(400);
    const issued = await f.call('POST', `/api/merchants/${merchant.id}/plaque/issue`, { token, body: { on: day(-2) } });
    expect(issued.body).toMatchObject({ plaqueIssuedOn: day(-2), plaqueWithdrawnOn: null });
    expect((await f.call('POST', `/api/merchants/${merchant.id}/plaque/issue`, { token, body: { on: day() } })).status).toBe(400);
    const withdrawn = await f.call('POST', `/api/merchants/${merchant.id}/plaque/withdraw`, { token, body: { on: day() } });
    expect(withdrawn.body).toMatchObject({ plaqueIssuedOn: day(-2), plaqueWithdrawnOn: day() });
    const prospect = await newMerchant(token);
    expect((await f.call('POST', `/api/merchants/${prospect.id}/plaque/issue`, { token, body: { on: day() } })).status).toBe(400);
  });

  it('the merchant table (appendix 5) opens in Excel with the filtered merchants and their agreements, and is audited', async () => {
    const token = f.tokens.merchant;
    await signedMerchant(token, 'HT-XLS-1', { category: '健身' });
    await signedMerchant(token, 'HT-XLS-2', { category: '健身' });
    await newMerchant(token, { category: '健身' });
    const d = await f.download('/api/merchants/table.xlsx?category=健身&status=ACTIVE&_sort=id&_order=asc', { token });
    expect(d.status).toBe(200);
    expect(d.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(d.body as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('联盟商家一览表')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('合同编号');
    expect(sheet.getRow(1).getCell(15).value).toBe('区域');
    const c = await f.sql();
    const expected = (await c.query(`SELECT m.name, a."contractNo", r.name AS "regionName" FROM merchants m JOIN merchant_agreements a ON a."merchantId" = m.id JOIN regions r ON r.code = m."regionCode" WHERE m.category = '健身' AND m.status = 'ACTIVE' ORDER BY m.id`)).rows;
    expect(expected.map((r) => r.contractNo)).toEqual(['HT-XLS-1', 'HT-XLS-2']);
    expect(sheet.rowCount).toBe(1 + expected.length);
    for (const [i, r] of expected.entries()) {
      expect(sheet.getRow(i + 2).getCell(2).value).toBe(r.contractNo);
      expect(sheet.getRow(i + 2).getCell(3).value).toBe(r.name);
      expect(sheet.getRow(i + 2).getCell(7).value).toBe('会员凭卡 8.8 折');
      // The region by its name (南京区域), as the member exports write it, never its code.
      expect(sheet.getRow(i + 2).getCell(15).value).toBe(r.regionName);
      expect(r.regionName).not.toBe('NJ');
    }
    const audit = (await c.query(`SELECT detail FROM audit_log WHERE action = 'EXPORT' AND resource = 'merchants' ORDER BY id DESC LIMIT 1`)).rows[0];
    expect(audit.detail).toMatchObject({ table: 'appendix-5', rows: 2 });
  });
});

describe('visits (B-5)', () => {
  it('an active merchant not visited this quarter is a workbench deadline at quarter end, gone once visited', async () => {
    const token = f.tokens.merchant;
    const { merchant } = await signedMerchant(token, 'HT-VISIT-1');
    const today = clubToday();
    const quarterEnd = new Date(Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3 + 3, 0)).toISOString().slice(0, 10);
    const item = async () => (await f.call('GET', '/api/workbench', { token })).body.items.find((i: any) => i.source === 'merchant-visits' && i.recordId === merchant.id);
    expect(await item()).toMatchObject({ kind: 'deadline', action: 'merchants.next.VISIT', title: merchant.name, dueOn: quarterEnd, overdue: false, link: `/merchants/show/${merchant.id}` });
    const due = await f.call('GET', '/api/merchants?notVisitedThisQuarter=true', { token });
    expect(due.body.map((m: any) => m.id)).toContain(merchant.id);
    const [{ n }] = (await (await f.sql()).query(`SELECT count(*)::int n FROM merchants m WHERE status = 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM merchant_visits v WHERE v."merchantId" = m.id AND v."visitedOn" >= date_trunc('quarter', $1::date))`, [day()])).rows;
    expect(Number(due.headers.get('x-total-count'))).toBe(n);

    const v = await f.call('POST', `/api/merchants/${merchant.id}/visits`, {
      token,
      body: { visitedOn: day(), method: 'PHONE', visitor: '周商务', covered: '核对折扣执行情况', pricesObserved: '与协议一致', serviceObserved: '良好', memberFeedback: '会员反映上菜慢' },
    });
    expect(v.status, JSON.stringify(v.body)).toBe(201);
    expect(v.body).toMatchObject({ merchantId: merchant.id, method: 'PHONE', memberFeedback: '会员反映上菜慢' });
    expect(await item()).toBeUndefined();
    const list = await f.call('GET', `/api/merchant-visits?merchantId=${merchant.id}`, { token });
    expect(list.body.map((x: any) => x.id)).toEqual([v.body.id]);
    // The member officer has no merchant work on the desk.
    expect((await f.call('GET', '/api/workbench', { token: f.tokens.officer })).body.items.some((i: any) => i.source === 'merchant-visits')).toBe(false);
    // A prospect is not visited; a future visit is refused.
    const prospect = await newMerchant(token);
    expect((await f.call('POST', `/api/merchants/${prospect.id}/visits`, { token, body: { visitedOn: day(), method: 'SITE', visitor: '周商务', covered: 'x' } })).status).toBe(400);
    expect((await f.call('POST', `/api/merchants/${merchant.id}/visits`, { token, body: { visitedOn: day(1), method: 'SITE', visitor: '周商务', covered: 'x' } })).status).toBe(400);
  });
});

describe('overdue visits (B-5)', () => {
  it('a merchant active last quarter and not visited then is overdue, listed first, until a visit of last quarter is recorded', async () => {
    const token = f.tokens.merchant;
    const m = await newMerchant(token);
    for (const stage of ['NEGOTIATION', 'SIGNING']) await f.call('POST', `/api/merchants/${m.id}/steps`, { token, body: { stage, notes: 'ok', on: day(-250) } });
    const a = await f.call('POST', `/api/merchants/${m.id}/agreements`, { token, body: agreementBody('HT-LATE-1', { startOn: day(-200), endOn: day(165) }) });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const today = clubToday();
    const previousStart = new Date(Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3 - 3, 1)).toISOString().slice(0, 10);
    const desk = async () => (await f.call('GET', '/api/workbench', { token })).body;
    const w = await desk();
    const items = w.items.filter((i: any) => i.source === 'merchant-visits');
    expect(items.find((i: any) => i.recordId === m.id)).toMatchObject({ overdue: true, action: 'merchants.next.VISIT' });
    expect(items.findIndex((i: any) => !i.overdue)).not.toBe(0);
    const [{ late }] = (await (await f.sql()).query(
      `SELECT count(*)::int late FROM merchants m WHERE status = 'ACTIVE' AND "signedOn" < date_trunc('quarter', $1::date) AND NOT EXISTS (SELECT 1 FROM merchant_visits v WHERE v."merchantId" = m.id AND v."visitedOn" >= $2::date)`,
      [day(), previousStart],
    )).rows;
    expect(w.sources.find((s: any) => s.name === 'merchant-visits').overdue).toBe(late);
    const v = await f.call('POST', `/api/merchants/${m.id}/visits`, { token, body: { visitedOn: previousStart, method: 'SITE', visitor: '周商务', covered: '上季度走访' } });
    expect(v.status).toBe(201);
    expect((await desk()).items.find((i: any) => i.source === 'merchant-visits' && i.recordId === m.id)).toMatchObject({ overdue: false });
  });
});

describe('region scope and bad input', () => {
  it('a regional merchant officer sees and changes only the region’s merchants', async () => {
    const sh = await f.token('merchant_sh');
    const nj = await newMerchant(f.tokens.merchant);
    const own = await newMerchant(sh, { regionCode: 'SH' });
    expect((await f.call('POST', '/api/merchants', { token: sh, body: { name: '越区商家', category: '餐饮', regionCode: 'NJ', pipeline: 'ACTIVE', notes: 'x', on: day() } })).status).toBe(400);
    const list = await f.call('GET', '/api/merchants', { token: sh });
    expect(list.body.map((m: any) => m.regionCode)).toEqual(list.body.map(() => 'SH'));
    expect(list.body.map((m: any) => m.id)).toContain(own.id);
    expect((await f.call('GET', `/api/merchants/${nj.id}`, { token: sh })).status).toBe(404);
    expect((await f.call('POST', `/api/merchants/${nj.id}/steps`, { token: sh, body: { stage: 'NEGOTIATION', notes: 'x', on: day() } })).status).toBe(404);
    const agreements = await f.call('GET', '/api/merchant-agreements', { token: sh });
    expect(agreements.body.every((a: any) => a.regionCode === 'SH')).toBe(true);
    // The member officer has no merchant permissions.
    expect((await f.call('GET', '/api/merchants', { token: f.tokens.officer })).status).toBe(403);
  });

  it('bad input is a 4xx in the caller’s language', async () => {
    const token = f.tokens.merchant;
    const bad = await f.call('POST', '/api/merchants', { token, body: { name: '', pipeline: 'SIDEWAYS', on: '2026-02-30', extra: 1 }, lang: 'en' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(expect.arrayContaining(['name', 'pipeline', 'on', 'category', 'regionCode']));
    expect((await f.call('POST', '/api/merchants', { token, body: { name: 'x', category: 'y', regionCode: 'ZZ', pipeline: 'ACTIVE', notes: 'x', on: day() } })).status).toBe(400);
    // The database holds it too: a merchant's region exists.
    await newMerchant(token);
    await expect((await f.sql()).query(`UPDATE merchants SET "regionCode" = 'ZZ' WHERE id = (SELECT max(id) FROM merchants)`)).rejects.toThrow(/merchants_regionCode_fkey/);
    expect((await f.call('GET', '/api/merchants/abc', { token })).status).toBe(404);
    expect((await f.call('GET', '/api/merchants?status=NOPE', { token })).status).toBe(400);
    expect((await f.call('GET', '/api/merchant-agreements/99999999', { token })).status).toBe(404);
    expect((await f.call('POST', '/api/merchant-agreements/1/offer-changes/99999/consent', { token, body: { on: day() } })).status).toBe(404);
  });
});
