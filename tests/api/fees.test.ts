import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { clubToday } from '../../server/src/calendar/calendar.service.ts';
import { useApi } from '../support/fixture.ts';
import { applicationFor, householdIn } from '../support/member-payload.ts';

const f = useApi({ members: 60 });

let officer: string;
let manager: string;
let gm: string;
let normal: { id: number };
let launched: { id: number };

beforeAll(async () => {
  [officer, manager, gm] = await Promise.all(['officer', 'manager', 'gm'].map((u) => f.token(u)));
  normal = await f.db.project.findFirstOrThrow({ where: { newlyLaunched: false }, orderBy: { id: 'asc' } });
  launched = await f.db.project.findFirstOrThrow({ where: { newlyLaunched: true } });
});

const fee = (projectId: number, paidOn: string, kind = 'NEW_CARD') => f.call('POST', '/api/fee-entries', { token: officer, body: { kind, projectId, paidOn } });

describe('M-8: card fees', () => {
  it('M-8: 20 RMB per card, waived for newly launched projects', async () => {
    const paid = await fee(normal.id, '2025-10-10');
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ amountFen: 2000, amountYuan: 20, waived: false, kind: 'NEW_CARD' });
    const free = await fee(launched.id, '2025-10-11');
    expect(free.status).toBe(201);
    expect(free.body).toMatchObject({ amountFen: 0, waived: true });
    const receipt = await f.call('GET', `/api/fee-entries/${paid.body.id}`, { token: gm });
    expect(receipt.status).toBe(200);
    expect(receipt.body).toMatchObject({ receiptNo: paid.body.receiptNo, projectId: normal.id, recordedByName: '李专员' });
  });

  it('M-8: receipt numbers are unique and sequential, also when recorded at once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => fee(i % 3 === 0 ? launched.id : normal.id, `2025-11-${String(i + 1).padStart(2, '0')}`)));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const all = await f.db.feeEntry.findMany({ where: { receiptNo: { startsWith: 'SJ2025-' } }, select: { receiptNo: true } });
    const numbers = all.map((r) => Number(r.receiptNo.slice('SJ2025-'.length))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(all.every((r) => /^SJ2025-\d{6}$/.test(r.receiptNo))).toBe(true);
  });

  it('M-8: the ledger is append-only; a mistake is undone by a reversing entry, once', async () => {
    const entry = await f.db.feeEntry.findFirstOrThrow({ where: { waived: false }, orderBy: { id: 'asc' } });
    await expect(f.db.$executeRaw`UPDATE fee_entries SET "amountFen" = 1 WHERE id = ${entry.id}`).rejects.toThrow(/append-only|permission denied/);
    await expect(f.db.$executeRaw`DELETE FROM fee_entries WHERE id = ${entry.id}`).rejects.toThrow(/append-only|permission denied/);

    const wrong = await fee(normal.id, '2025-12-01');
    const rev = await f.call('POST', `/api/fee-entries/${wrong.body.id}/reverse`, { token: officer, body: { reason: '重复收费' } });
    expect(rev.status).toBe(201);
    expect(rev.body).toMatchObject({ amountFen: -2000, reversesId: wrong.body.id, note: '重复收费' });
    expect(rev.body.receiptNo).not.toBe(wrong.body.receiptNo);
    expect((await f.call('POST', `/api/fee-entries/${wrong.body.id}/reverse`, { token: officer, body: { reason: '再次' } })).status).toBe(409);
    expect((await f.call('POST', `/api/fee-entries/${rev.body.id}/reverse`, { token: officer, body: { reason: '冲销的冲销' } })).status).toBe(409);
    const shown = await f.call('GET', `/api/fee-entries/${wrong.body.id}`, { token: officer });
    expect(shown.body.reversedByReceiptNo).toBe(rev.body.receiptNo);
  });

  it('lists with paidOn range, project and kind filters', async () => {
    const r = await f.call('GET', `/api/fee-entries?paidOn_gte=2025-11-01&paidOn_lte=2025-11-30&projectId=${normal.id}&kind=NEW_CARD&_end=100`, { token: officer });
    expect(r.status).toBe(200);
    expect(r.body.length).toBeGreaterThan(0);
    expect(r.body.every((e: any) => e.paidOn >= '2025-11-01' && e.paidOn <= '2025-11-30' && e.projectId === normal.id)).toBe(true);
    expect(Number(r.headers.get('x-total-count'))).toBe(
      await f.db.feeEntry.count({ where: { paidOn: { gte: new Date('2025-11-01'), lte: new Date('2025-11-30') }, projectId: normal.id, kind: 'NEW_CARD' } }),
    );
  });
});

describe('M-8: quarter-end statement', () => {
  it('M-8: refuses a quarter not yet ended', async () => {
    const today = clubToday();
    const r = await f.call('POST', '/api/fee-statements', { token: officer, body: { year: today.getUTCFullYear(), quarter: Math.floor(today.getUTCMonth() / 3) + 1 } });
    expect(r.status).toBe(400);
    expect(r.body.errors.quarter).toContain('季度');
  });

  it('M-8: figures equal the ledger computed in SQL; the club manager signs; the Excel export opens with the right totals', async () => {
    // A replacement fee in the quarter too.
    await fee(normal.id, '2025-12-15', 'REPLACEMENT');
    const created = await f.call('POST', '/api/fee-statements', { token: officer, body: { year: 2025, quarter: 4 } });
    expect(created.status).toBe(201);

    const [sql] = await f.db.$queryRaw<{ income: number; entries: number; reversals: number; waived: number; waivedReversals: number }[]>`
      SELECT COALESCE(sum("amountFen"), 0)::int AS income,
        count(*) FILTER (WHERE "reversesId" IS NULL)::int AS entries,
        count(*) FILTER (WHERE "reversesId" IS NOT NULL)::int AS reversals,
        count(*) FILTER (WHERE waived AND "reversesId" IS NULL)::int AS waived,
        count(*) FILTER (WHERE waived AND "reversesId" IS NOT NULL)::int AS "waivedReversals"
      FROM fee_entries WHERE "paidOn" BETWEEN '2025-10-01' AND '2025-12-31'`;
    expect(created.body).toMatchObject({
      year: 2025,
      quarter: 4,
      incomeFen: sql.income,
      cardCount: sql.entries - sql.reversals,
      waivedCount: sql.waived - sql.waivedReversals,
      signedAt: null,
    });
    expect(sql.income).toBeGreaterThan(0);
    const byProject = created.body.byProject as any[];
    expect(byProject.reduce((a, p) => a + p.incomeFen, 0)).toBe(sql.income);
    expect(byProject.find((p) => p.projectId === launched.id)).toMatchObject({ incomeFen: 0 });
    expect(byProject.find((p) => p.projectId === normal.id).replacementCount).toBe(1);

    expect((await f.call('POST', '/api/fee-statements', { token: officer, body: { year: 2025, quarter: 4 } })).status).toBe(409);

    expect((await f.call('POST', `/api/fee-statements/${created.body.id}/sign`, { token: officer, body: {} })).status).toBe(403);
    const signed = await f.call('POST', `/api/fee-statements/${created.body.id}/sign`, { token: manager, body: { differencesNote: '与财务核对一致' } });
    expect(signed.status).toBe(201);
    expect(signed.body).toMatchObject({ signedByName: '王经理', differencesNote: '与财务核对一致' });
    expect(signed.body.signedAt).toBeTruthy();
    expect((await f.call('POST', `/api/fee-statements/${created.body.id}/sign`, { token: manager, body: {} })).status).toBe(409);

    const res = await fetch(`${f.api.baseUrl}/api/fee-statements/${created.body.id}/export.xlsx`, { headers: { authorization: `Bearer ${gm}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('按项目')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '项目编号', '项目名称', '办卡数', '新办卡', '补卡', '收入（元）', '免收数']);
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(3).value).toBe(created.body.cardCount);
    expect(last.getCell(6).value).toBe(sql.income / 100);
    expect(last.getCell(7).value).toBe(created.body.waivedCount);
    const summary = wb.getWorksheet('汇总')!;
    const signedRow = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === '客户会经理签认')!;
    expect(signedRow.getCell(2).value).toBe('王经理');

    const audit = await f.db.auditLog.findFirst({ where: { action: 'EXPORT', resource: 'fee-statements', recordId: String(created.body.id) } });
    expect(audit).toBeTruthy();
  });
});

describe('M-8: quarter statements are per region', () => {
  it('a regional officer compiles and reads only their region’s statement; the group’s is compiled by the club manager', async () => {
    const officerSh = await f.api.login('officer_sh');
    const [sh, nj] = await Promise.all(
      ['SH', 'NJ'].map((regionCode) => f.db.project.findFirstOrThrow({ where: { regionCode, newlyLaunched: false }, orderBy: { id: 'asc' } })),
    );
    // Fees of 2026 Q2 in both regions, recorded by the group's officer.
    for (const [p, d] of [[sh, '2026-04-10'], [sh, '2026-05-20'], [nj, '2026-05-21'], [nj, '2026-06-30']] as const) {
      expect((await fee(p.id, d)).status).toBe(201);
    }
    const income = async (regionCode: string | null) => {
      const [r] = await f.db.$queryRaw<{ income: number }[]>`
        SELECT COALESCE(sum(f."amountFen"), 0)::int AS income FROM fee_entries f JOIN projects p ON p.id = f."projectId"
        WHERE f."paidOn" BETWEEN '2026-04-01' AND '2026-06-30' AND (${regionCode}::text IS NULL OR p."regionCode" = ${regionCode}::text)`;
      return r.income;
    };

    const regional = await f.call('POST', '/api/fee-statements', { token: officerSh, body: { year: 2026, quarter: 2 } });
    expect(regional.status).toBe(201);
    expect(regional.body).toMatchObject({ regionCode: 'SH', incomeFen: await income('SH') });
    const shProjects = new Set((await f.db.project.findMany({ where: { regionCode: 'SH' }, select: { id: true } })).map((p) => p.id));
    expect((regional.body.byProject as any[]).every((p) => shProjects.has(p.projectId))).toBe(true);
    expect((await f.call('POST', '/api/fee-statements', { token: officerSh, body: { year: 2026, quarter: 2 } })).status).toBe(409);

    // The group's statement of the same quarter is not taken by the region's.
    const group = await f.call('POST', '/api/fee-statements', { token: manager, body: { year: 2026, quarter: 2 } });
    expect(group.status).toBe(201);
    expect(group.body).toMatchObject({ regionCode: null, incomeFen: await income(null) });
    expect(group.body.incomeFen).toBeGreaterThan(regional.body.incomeFen);
    expect((await f.call('POST', '/api/fee-statements', { token: officer, body: { year: 2026, quarter: 2 } })).status).toBe(409);

    // The regional officer sees their own statements only: not the group's, not another region's.
    const list = await f.call('GET', '/api/fee-statements?_end=100', { token: officerSh });
    expect(list.status).toBe(200);
    expect(list.body.length).toBeGreaterThan(0);
    expect(list.body.every((s: any) => s.regionCode === 'SH')).toBe(true);
    expect((await f.call('GET', `/api/fee-statements/${group.body.id}`, { token: officerSh })).status).toBe(404);
    expect((await f.call('GET', `/api/fee-statements/${group.body.id}/export.xlsx`, { token: officerSh })).status).toBe(404);
    expect((await f.call('GET', `/api/fee-statements/${regional.body.id}`, { token: officerSh })).status).toBe(200);

    // The group sees both, and can tell them apart.
    const all = await f.call('GET', '/api/fee-statements?year=2026&quarter=2', { token: manager });
    expect(all.body.map((s: any) => s.regionCode).sort()).toEqual(['SH', null].sort());
    const onlySh = await f.call('GET', '/api/fee-statements?regionCode=SH', { token: manager });
    expect(onlySh.body.map((s: any) => s.id)).toEqual([regional.body.id]);
  });
});

describe('M-8: a fee paid with an application', () => {
  it('M-8: once the application became a member with a card, its receipt names both, and lists by member and card find it', async () => {
    const staff = await f.db.staffUser.findFirstOrThrow({ where: { username: 'officer' } });
    await f.db.cardRange.create({ data: { prefix: 'FEE', fromNo: 1, toNo: 999, nextNo: 1, digits: 4, createdById: staff.id } });
    const h = await householdIn(f.db, 'NJ');
    const { householdId, ownerId, ...form } = applicationFor(h);
    const received = await f.call('POST', '/api/applications', {
      token: officer,
      body: { householdId, ownerId, form, collectionPoint: 'MANAGEMENT_OFFICE', collectionPlace: '物业管理处', receivedOn: clubToday().toISOString().slice(0, 10), documentsPresent: ['ID_COPY', 'PHOTO', 'DEED_OR_CONTRACT', 'SIGNED_FORM'] },
    });
    expect(received.status, JSON.stringify(received.body)).toBe(201);
    const id = received.body.id;
    const entry = await f.db.feeEntry.findFirstOrThrow({ where: { applicationId: id } });
    // Before the decision there is no member yet.
    expect((await f.call('GET', `/api/fee-entries/${entry.id}`, { token: officer })).body).toMatchObject({ applicationId: id, memberId: null, cardId: null });
    for (const [action, body] of [['check', { missingItems: [] }], ['verify', {}], ['approve', {}], ['produce-card', {}]] as const) {
      const r = await f.call('POST', `/api/applications/${id}/${action}`, { token: officer, body });
      expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(201);
    }
    const app = await f.db.application.findUniqueOrThrow({ where: { id } });
    const card = await f.db.card.findFirstOrThrow({ where: { memberId: app.memberId! } });
    // The ledger row itself is untouched (append-only); the receipt reads through the application.
    expect(await f.db.feeEntry.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ memberId: null, cardId: null });
    const receipt = await f.call('GET', `/api/fee-entries/${entry.id}`, { token: officer });
    expect(receipt.body).toMatchObject({ memberId: app.memberId, memberName: form.name, cardId: card.id, cardNo: card.cardNo });
    const byMember = await f.call('GET', `/api/fee-entries?memberId=${app.memberId}`, { token: officer });
    expect(byMember.body.map((e: any) => e.id)).toContain(entry.id);
    const byCard = await f.call('GET', `/api/fee-entries?cardId=${card.id}`, { token: officer });
    expect(byCard.body.map((e: any) => e.id)).toEqual([entry.id]);
  });
});
