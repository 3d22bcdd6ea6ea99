import { Inject, Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { AppError } from '../common/app-error.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { AuditService } from '../audit/audit.service.js';
import { clubToday } from '../calendar/calendar.service.js';
import type { RequestContext } from '../auth/current-user.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import type { Prisma } from '../generated/prisma/client.js';
import { day } from '../members/member.mapper.js';
import { FEE_KINDS } from './cards.schema.js';
import { SettingsService } from '../settings/settings.service.js';
import { nextYearlyNumber } from '../database/yearly-number.js';
import { staffNames } from '../auth/staff-names.js';

type Tx = Prisma.TransactionClient;
type Actor = Pick<RequestContext, 'ip' | 'requestId'> & { user: { id: number; username: string } };

export interface FeeInput {
  kind: 'NEW_CARD' | 'REPLACEMENT';
  projectId: number;
  memberId?: number | null;
  applicationId?: number | null;
  cardId?: number | null;
  paidOn: Date;
}

export interface ProjectFigures {
  projectId: number;
  projectCode: string;
  projectName: string;
  cardCount: number;
  newCardCount: number;
  replacementCount: number;
  incomeFen: number;
  waivedCount: number;
}

export const feeListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    receiptNo: { kind: 'string', sortable: true },
    kind: { kind: 'enum', values: FEE_KINDS },
    projectId: { kind: 'int', sortable: true },
    memberId: { kind: 'int' },
    applicationId: { kind: 'int' },
    cardId: { kind: 'int' },
    waived: { kind: 'bool' },
    paidOn: { kind: 'date', sortable: true },
    createdAt: { kind: 'date', sortable: true },
  },
  search: (q) => ({ receiptNo: { contains: q, mode: 'insensitive' } }),
  defaultSort: [{ id: 'desc' }],
};

export const statementListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    year: { kind: 'int', sortable: true },
    quarter: { kind: 'int', sortable: true },
  },
  defaultSort: [{ year: 'desc' }, { quarter: 'desc' }],
};

/** First and last day of a quarter, as UTC-midnight dates. */
export function quarterBounds(year: number, quarter: number): { from: Date; to: Date } {
  return { from: new Date(Date.UTC(year, (quarter - 1) * 3, 1)), to: new Date(Date.UTC(year, quarter * 3, 0)) };
}

const yuan = (fen: number) => Math.round(fen) / 100;

/** M-8: the card-fee ledger (append-only), numbered receipts and the quarter-end statement. */
@Injectable()
export class FeesService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SettingsService) private readonly settings: SettingsService,
  ) {}

  /** The next receipt number of the year, SJ<year>-<6 digits>, without gaps or twins. */
  private nextReceiptNo(tx: Tx, year: number): Promise<string> {
    return nextYearlyNumber(tx, { table: 'fee_entries', column: 'receiptNo', prefix: 'SJ', digits: 6 }, year);
  }

  /** M-8: the card fee (club setting cardFeeFen, default 20 RMB) per card, new or replacement; waived for newly launched projects. */
  async recordFee(tx: Tx, input: FeeInput, ctx: Actor): Promise<{ id: number; receiptNo: string; amountFen: number; waived: boolean }> {
    const project = await tx.project.findUnique({ where: { id: input.projectId }, select: { newlyLaunched: true } });
    if (!project) throw AppError.field('projectId', 'cards.projectNotFound');
    const waived = project.newlyLaunched;
    const amountFen = waived ? 0 : (await this.settings.get()).cardFeeFen;
    const receiptNo = await this.nextReceiptNo(tx, input.paidOn.getUTCFullYear());
    const entry = await tx.feeEntry.create({
      data: {
        receiptNo,
        kind: input.kind,
        amountFen,
        waived,
        projectId: input.projectId,
        memberId: input.memberId ?? null,
        applicationId: input.applicationId ?? null,
        cardId: input.cardId ?? null,
        paidOn: input.paidOn,
        recordedById: ctx.user.id,
      },
      select: { id: true, receiptNo: true, amountFen: true, waived: true },
    });
    await this.audit.record(ctx, 'CREATE', 'fee-entries', entry.id, { receiptNo, kind: input.kind, amountFen, waived }, tx);
    return entry;
  }

  /** The ledger is append-only: a mistake is undone by a reversing entry with its own receipt. */
  async reverseFee(tx: Tx, feeId: number, reason: string, ctx: Actor): Promise<{ id: number; receiptNo: string; amountFen: number; waived: boolean }> {
    const original = await tx.feeEntry.findUnique({ where: { id: feeId } });
    if (!original) throw new AppError(404, 'cards.feeNotFound');
    if (original.reversesId !== null) throw new AppError(409, 'cards.feeIsReversal');
    const paidOn = clubToday();
    const receiptNo = await this.nextReceiptNo(tx, paidOn.getUTCFullYear());
    const entry = await tx.feeEntry
      .create({
        data: {
          receiptNo,
          kind: original.kind,
          amountFen: -original.amountFen,
          waived: original.waived,
          projectId: original.projectId,
          memberId: original.memberId,
          applicationId: original.applicationId,
          cardId: original.cardId,
          paidOn,
          reversesId: original.id,
          note: reason.slice(0, 200),
          recordedById: ctx.user.id,
        },
        select: { id: true, receiptNo: true, amountFen: true, waived: true },
      })
      .catch((e: { code?: string }) => {
        // reversesId is UNIQUE: a second reversal of the same entry fails here, also under concurrency.
        if (e.code === 'P2002') throw new AppError(409, 'cards.feeAlreadyReversed');
        throw e;
      });
    await this.audit.record(ctx, 'CREATE', 'fee-entries', entry.id, { receiptNo, reverses: original.id, reason }, tx);
    return entry;
  }

  // ───────────────────────── HTTP-facing ─────────────────────────

  private async regionProjects(ctx: RequestContext): Promise<Prisma.FeeEntryWhereInput> {
    if (!ctx.user.regionCode) return {};
    const projects = await this.db.project.findMany({ where: { regionCode: ctx.user.regionCode }, select: { id: true } });
    return { projectId: { in: projects.map((p) => p.id) } };
  }

  private async mapEntries(rows: Prisma.FeeEntryGetPayload<object>[]) {
    const projectIds = [...new Set(rows.map((r) => r.projectId))];
    const memberIds = [...new Set(rows.flatMap((r) => (r.memberId ? [r.memberId] : [])))];
    const cardIds = [...new Set(rows.flatMap((r) => (r.cardId ? [r.cardId] : [])))];
    const [projects, members, cards, s, reversals] = await Promise.all([
      this.db.project.findMany({ where: { id: { in: projectIds } }, select: { id: true, name: true, code: true } }),
      this.db.member.findMany({ where: { id: { in: memberIds } }, select: { id: true, name: true } }),
      this.db.card.findMany({ where: { id: { in: cardIds } }, select: { id: true, cardNo: true } }),
      staffNames(this.db, rows.map((r) => r.recordedById)),
      this.db.feeEntry.findMany({ where: { reversesId: { in: rows.map((r) => r.id) } }, select: { id: true, reversesId: true, receiptNo: true } }),
    ]);
    const p = new Map(projects.map((x) => [x.id, x]));
    const m = new Map(members.map((x) => [x.id, x.name]));
    const c = new Map(cards.map((x) => [x.id, x.cardNo]));
    const rev = new Map(reversals.map((x) => [x.reversesId!, x]));
    return rows.map((r) => ({
      id: r.id,
      receiptNo: r.receiptNo,
      kind: r.kind,
      amountFen: r.amountFen,
      amountYuan: yuan(r.amountFen),
      waived: r.waived,
      projectId: r.projectId,
      projectName: p.get(r.projectId)?.name ?? null,
      projectCode: p.get(r.projectId)?.code ?? null,
      memberId: r.memberId,
      memberName: r.memberId ? (m.get(r.memberId) ?? null) : null,
      applicationId: r.applicationId,
      cardId: r.cardId,
      cardNo: r.cardId ? (c.get(r.cardId) ?? null) : null,
      paidOn: day(r.paidOn),
      reversesId: r.reversesId,
      reversedById: rev.get(r.id)?.id ?? null,
      reversedByReceiptNo: rev.get(r.id)?.receiptNo ?? null,
      note: r.note,
      recordedById: r.recordedById,
      recordedByName: s.get(r.recordedById) ?? null,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async list(query: Record<string, unknown>, ctx: RequestContext) {
    const q = parseListQuery(feeListSpec, query);
    const where = { AND: [q.where, await this.regionProjects(ctx)] } as Prisma.FeeEntryWhereInput;
    const [total, rows] = await Promise.all([
      this.db.feeEntry.count({ where }),
      this.db.feeEntry.findMany({ where, orderBy: q.orderBy as Prisma.FeeEntryOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    return { total, data: await this.mapEntries(rows) };
  }

  async get(id: number, ctx: RequestContext) {
    const row = await this.db.feeEntry.findFirst({ where: { id, ...(await this.regionProjects(ctx)) } });
    if (!row) throw AppError.notFound();
    const [mapped] = await this.mapEntries([row]);
    return mapped;
  }

  async record(input: FeeInput, ctx: RequestContext) {
    const scope = await this.regionProjects(ctx);
    if (scope.projectId && !(scope.projectId as { in: number[] }).in.includes(input.projectId)) throw AppError.field('projectId', 'cards.projectNotFound');
    const entry = await this.db.$transaction((tx) => this.recordFee(tx, input, ctx));
    return this.get(entry.id, ctx);
  }

  async reverse(id: number, reason: string, ctx: RequestContext) {
    await this.get(id, ctx);
    const entry = await this.db.$transaction((tx) => this.reverseFee(tx, id, reason, ctx));
    return this.get(entry.id, ctx);
  }

  // ───────────────────────── quarter-end statements ─────────────────────────

  /** The quarter's figures from the ledger, net of reversals, by project. */
  async figures(year: number, quarter: number, db: Db | Tx = this.db): Promise<ProjectFigures[]> {
    const { from, to } = quarterBounds(year, quarter);
    const rows = await db.$queryRaw<ProjectFigures[]>`
      SELECT f."projectId", p.code AS "projectCode", p.name AS "projectName",
        (count(*) FILTER (WHERE f."reversesId" IS NULL) - count(*) FILTER (WHERE f."reversesId" IS NOT NULL))::int AS "cardCount",
        (count(*) FILTER (WHERE f.kind = 'NEW_CARD' AND f."reversesId" IS NULL) - count(*) FILTER (WHERE f.kind = 'NEW_CARD' AND f."reversesId" IS NOT NULL))::int AS "newCardCount",
        (count(*) FILTER (WHERE f.kind = 'REPLACEMENT' AND f."reversesId" IS NULL) - count(*) FILTER (WHERE f.kind = 'REPLACEMENT' AND f."reversesId" IS NOT NULL))::int AS "replacementCount",
        COALESCE(sum(f."amountFen"), 0)::int AS "incomeFen",
        (count(*) FILTER (WHERE f.waived AND f."reversesId" IS NULL) - count(*) FILTER (WHERE f.waived AND f."reversesId" IS NOT NULL))::int AS "waivedCount"
      FROM fee_entries f JOIN projects p ON p.id = f."projectId"
      WHERE f."paidOn" BETWEEN ${from} AND ${to}
      GROUP BY f."projectId", p.code, p.name
      ORDER BY p.code`;
    return rows;
  }

  private mapStatement(s: Prisma.FeeStatementGetPayload<object>, name: Map<number, string>) {
    const { from, to } = quarterBounds(s.year, s.quarter);
    return {
      id: s.id,
      year: s.year,
      quarter: s.quarter,
      from: day(from),
      to: day(to),
      cardCount: s.cardCount,
      incomeFen: s.incomeFen,
      incomeYuan: yuan(s.incomeFen),
      waivedCount: s.waivedCount,
      byProject: s.byProject as unknown as ProjectFigures[],
      preparedById: s.preparedById,
      preparedByName: name.get(s.preparedById) ?? null,
      preparedAt: s.preparedAt.toISOString(),
      signedById: s.signedById,
      signedByName: s.signedById ? (name.get(s.signedById) ?? null) : null,
      signedAt: s.signedAt?.toISOString() ?? null,
      differencesNote: s.differencesNote,
    };
  }

  async listStatements(query: Record<string, unknown>) {
    const q = parseListQuery(statementListSpec, query);
    const [total, rows] = await Promise.all([
      this.db.feeStatement.count({ where: q.where }),
      this.db.feeStatement.findMany({ where: q.where, orderBy: q.orderBy as Prisma.FeeStatementOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    const names = await staffNames(this.db, rows.flatMap((r) => [r.preparedById, r.signedById]));
    return { total, data: rows.map((r) => this.mapStatement(r, names)) };
  }

  async getStatement(id: number) {
    const row = await this.db.feeStatement.findUnique({ where: { id } });
    if (!row) throw AppError.notFound();
    return this.mapStatement(row, await staffNames(this.db, [row.preparedById, row.signedById]));
  }

  /** M-8: prepared after the quarter ends, from the ledger. */
  async createStatement(year: number, quarter: number, ctx: RequestContext) {
    const { to } = quarterBounds(year, quarter);
    if (clubToday() <= to) throw AppError.field('quarter', 'cards.quarterNotEnded');
    const id = await this.db
      .$transaction(async (tx) => {
        const byProject = await this.figures(year, quarter, tx);
        const sum = (k: keyof ProjectFigures) => byProject.reduce((a, r) => a + Number(r[k]), 0);
        const s = await tx.feeStatement.create({
          data: {
            year,
            quarter,
            cardCount: sum('cardCount'),
            incomeFen: sum('incomeFen'),
            waivedCount: sum('waivedCount'),
            byProject: byProject as unknown as Prisma.InputJsonValue,
            preparedById: ctx.user.id,
          },
        });
        await this.audit.record(ctx, 'CREATE', 'fee-statements', s.id, { year, quarter }, tx);
        return s.id;
      })
      .catch((e: { code?: string }) => {
        if (e.code === 'P2002') throw new AppError(409, 'cards.statementExists');
        throw e;
      });
    return this.getStatement(id);
  }

  /** M-8: the club manager signs; differences with finance are explained in the note. */
  async signStatement(id: number, differencesNote: string | null, ctx: RequestContext) {
    await this.getStatement(id);
    await this.db.$transaction(async (tx) => {
      const n = await tx.feeStatement.updateMany({ where: { id, signedById: null }, data: { signedById: ctx.user.id, signedAt: new Date(), differencesNote } });
      if (n.count === 0) throw new AppError(409, 'cards.alreadySigned');
      await this.audit.record(ctx, 'UPDATE', 'fee-statements', id, { signed: true, differencesNote }, tx);
    });
    return this.getStatement(id);
  }

  /** The statement as an Excel workbook (Chinese headers); every export is audit-logged. */
  async exportStatement(id: number, ctx: RequestContext): Promise<{ fileName: string; buffer: Buffer }> {
    const s = await this.getStatement(id);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'owners-club';
    const summary = wb.addWorksheet('汇总');
    summary.columns = [
      { header: '项目', key: 'k', width: 22 },
      { header: '内容', key: 'v', width: 40 },
    ];
    summary.addRows([
      { k: '报表期间', v: `${s.year}年第${s.quarter}季度（${s.from} 至 ${s.to}）` },
      { k: '办卡数（张）', v: s.cardCount },
      { k: '会员卡费收入（元）', v: s.incomeYuan },
      { k: '免收数（张）', v: s.waivedCount },
      { k: '编制人', v: s.preparedByName ?? '' },
      { k: '编制时间', v: s.preparedAt },
      { k: '客户会经理签认', v: s.signedByName ?? '未签认' },
      { k: '签认时间', v: s.signedAt ?? '' },
      { k: '差异说明', v: s.differencesNote ?? '' },
    ]);
    summary.getRow(1).font = { bold: true };

    const sheet = wb.addWorksheet('按项目');
    sheet.columns = [
      { header: '项目编号', key: 'projectCode', width: 12 },
      { header: '项目名称', key: 'projectName', width: 28 },
      { header: '办卡数', key: 'cardCount', width: 10 },
      { header: '新办卡', key: 'newCardCount', width: 10 },
      { header: '补卡', key: 'replacementCount', width: 10 },
      { header: '收入（元）', key: 'incomeYuan', width: 14 },
      { header: '免收数', key: 'waivedCount', width: 10 },
    ];
    for (const p of s.byProject) sheet.addRow({ ...p, incomeYuan: yuan(p.incomeFen) });
    const total = sheet.addRow({
      projectCode: '合计',
      projectName: '',
      cardCount: s.cardCount,
      newCardCount: s.byProject.reduce((a, p) => a + p.newCardCount, 0),
      replacementCount: s.byProject.reduce((a, p) => a + p.replacementCount, 0),
      incomeYuan: s.incomeYuan,
      waivedCount: s.waivedCount,
    });
    total.font = { bold: true };
    sheet.getRow(1).font = { bold: true };
    sheet.getColumn('incomeYuan').numFmt = '#,##0.00';

    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await this.audit.record(ctx, 'EXPORT', 'fee-statements', id, { format: 'xlsx', year: s.year, quarter: s.quarter });
    return { fileName: `card-fees-${s.year}-Q${s.quarter}.xlsx`, buffer };
  }
}
