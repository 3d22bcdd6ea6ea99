import { Inject, Injectable } from '@nestjs/common';
import { quarterRange } from '../calendar/quarters.js';
import ExcelJS from 'exceljs';
import { AppError } from '../common/app-error.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { AuditService } from '../audit/audit.service.js';
import { clubToday } from '../calendar/calendar.service.js';
import { staffNames } from '../auth/staff-names.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import type { Prisma } from '../generated/prisma/client.js';
import { day } from '../members/member.mapper.js';
import type { StaffContext, Tx } from './cards.shared.js';
import { yuan } from './fees.service.js';

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

export const statementListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    year: { kind: 'int', sortable: true },
    quarter: { kind: 'int', sortable: true },
    regionCode: { kind: 'string' },
  },
  defaultSort: [{ year: 'desc' }, { quarter: 'desc' }],
};

const statementInclude = { region: { select: { name: true } } } satisfies Prisma.FeeStatementInclude;
type StatementRow = Prisma.FeeStatementGetPayload<{ include: typeof statementInclude }>;

/**
 * M-8: the quarter-end statement of card-fee income, prepared from the ledger and signed by the
 * club manager. Statements are per region: a regional club compiles and reads only its own; the
 * group's statement (every region) is compiled by a group user.
 */
@Injectable()
export class FeeStatementsService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** The quarter's figures from the ledger, net of reversals, by project: of one region, or (null) of every region. */
  async figures(year: number, quarter: number, regionCode: string | null, db: Db | Tx = this.db): Promise<ProjectFigures[]> {
    const { start: from, end: to } = quarterRange(year, quarter);
    const rows = await db.$queryRaw<ProjectFigures[]>`
      SELECT f."projectId", p.code AS "projectCode", p.name AS "projectName",
        (count(*) FILTER (WHERE f."reversesId" IS NULL) - count(*) FILTER (WHERE f."reversesId" IS NOT NULL))::int AS "cardCount",
        (count(*) FILTER (WHERE f.kind = 'NEW_CARD' AND f."reversesId" IS NULL) - count(*) FILTER (WHERE f.kind = 'NEW_CARD' AND f."reversesId" IS NOT NULL))::int AS "newCardCount",
        (count(*) FILTER (WHERE f.kind = 'REPLACEMENT' AND f."reversesId" IS NULL) - count(*) FILTER (WHERE f.kind = 'REPLACEMENT' AND f."reversesId" IS NOT NULL))::int AS "replacementCount",
        COALESCE(sum(f."amountFen"), 0)::int AS "incomeFen",
        (count(*) FILTER (WHERE f.waived AND f."reversesId" IS NULL) - count(*) FILTER (WHERE f.waived AND f."reversesId" IS NOT NULL))::int AS "waivedCount"
      FROM fee_entries f JOIN projects p ON p.id = f."projectId"
      WHERE f."paidOn" BETWEEN ${from} AND ${to} AND (${regionCode}::text IS NULL OR p."regionCode" = ${regionCode}::text)
      GROUP BY f."projectId", p.code, p.name
      ORDER BY p.code`;
    return rows;
  }

  private mapStatement(s: StatementRow, name: Map<number, string>) {
    const { start: from, end: to } = quarterRange(s.year, s.quarter);
    return {
      id: s.id,
      year: s.year,
      quarter: s.quarter,
      /** null: the group's statement, over every region. */
      regionCode: s.regionCode,
      regionName: s.region?.name ?? null,
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

  /** A regional club reads its own region's statements; the group reads every statement. */
  private scope(ctx: StaffContext): Prisma.FeeStatementWhereInput {
    return ctx.user.regionCode ? { regionCode: ctx.user.regionCode } : {};
  }

  async listStatements(query: Record<string, unknown>, ctx: StaffContext) {
    const q = parseListQuery(statementListSpec, query);
    const where = { AND: [q.where, this.scope(ctx)] } as Prisma.FeeStatementWhereInput;
    const [total, rows] = await Promise.all([
      this.db.feeStatement.count({ where }),
      this.db.feeStatement.findMany({ where, include: statementInclude, orderBy: q.orderBy as Prisma.FeeStatementOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    const names = await staffNames(this.db, rows.flatMap((r) => [r.preparedById, r.signedById]));
    return { total, data: rows.map((r) => this.mapStatement(r, names)) };
  }

  async getStatement(id: number, ctx: StaffContext) {
    const row = await this.db.feeStatement.findFirst({ where: { id, ...this.scope(ctx) }, include: statementInclude });
    if (!row) throw AppError.notFound();
    return this.mapStatement(row, await staffNames(this.db, [row.preparedById, row.signedById]));
  }

  /**
   * M-8: prepared after the quarter ends, from the ledger. A regional club's statement covers its
   * own region's projects; a group user's is the group's, over every region.
   */
  async createStatement(year: number, quarter: number, ctx: StaffContext) {
    const { end: to } = quarterRange(year, quarter);
    if (clubToday() <= to) throw AppError.field('quarter', 'cards.quarterNotEnded');
    const regionCode = ctx.user.regionCode ?? null;
    const id = await this.db
      .$transaction(async (tx) => {
        const byProject = await this.figures(year, quarter, regionCode, tx);
        const sum = (k: keyof ProjectFigures) => byProject.reduce((a, r) => a + Number(r[k]), 0);
        const s = await tx.feeStatement.create({
          data: {
            year,
            quarter,
            cardCount: sum('cardCount'),
            incomeFen: sum('incomeFen'),
            waivedCount: sum('waivedCount'),
            byProject: byProject as unknown as Prisma.InputJsonValue,
            regionCode,
            preparedById: ctx.user.id,
          },
        });
        await this.audit.record(ctx, 'CREATE', 'fee-statements', s.id, { year, quarter, regionCode }, tx);
        return s.id;
      })
      .catch((e: { code?: string }) => {
        if (e.code === 'P2002') throw new AppError(409, 'cards.statementExists');
        throw e;
      });
    return this.getStatement(id, ctx);
  }

  /** M-8: the club manager signs; differences with finance are explained in the note. */
  async signStatement(id: number, differencesNote: string | null, ctx: StaffContext) {
    await this.getStatement(id, ctx);
    await this.db.$transaction(async (tx) => {
      const n = await tx.feeStatement.updateMany({ where: { id, signedById: null }, data: { signedById: ctx.user.id, signedAt: new Date(), differencesNote } });
      if (n.count === 0) throw new AppError(409, 'cards.alreadySigned');
      await this.audit.record(ctx, 'UPDATE', 'fee-statements', id, { signed: true, differencesNote }, tx);
    });
    return this.getStatement(id, ctx);
  }

  /** The statement as an Excel workbook (Chinese headers); every export is audit-logged. */
  async exportStatement(id: number, ctx: StaffContext): Promise<{ fileName: string; buffer: Buffer }> {
    const s = await this.getStatement(id, ctx);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'owners-club';
    const summary = wb.addWorksheet('汇总');
    summary.columns = [
      { header: '项目', key: 'k', width: 22 },
      { header: '内容', key: 'v', width: 40 },
    ];
    summary.addRows([
      { k: '报表期间', v: `${s.year}年第${s.quarter}季度（${s.from} 至 ${s.to}）` },
      // The region by its name (南京区域), not its code.
      { k: '范围', v: s.regionCode ? (s.regionName ?? s.regionCode) : '集团（全部区域）' },
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
    await this.audit.record(ctx, 'EXPORT', 'fee-statements', id, { format: 'xlsx', year: s.year, quarter: s.quarter, regionCode: s.regionCode });
    return { fileName: `card-fees-${s.year}-Q${s.quarter}${s.regionCode ? `-${s.regionCode}` : ''}.xlsx`, buffer };
  }
}
