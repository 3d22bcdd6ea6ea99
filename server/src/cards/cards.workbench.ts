// The cards' part of the workbench: the decisions that wait on the club manager, the division
// leader and the member officer — card-limit exceptions (M-3), reissue requests (M-10) and the
// quarter statements to sign (M-8) — and the card-fee income of the quarter.
import { Inject } from '@nestjs/common';
import type { RequestContext } from '../auth/current-user.js';
import { projectRegionFilter, regionFilter } from '../auth/region-scope.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { isoDay, thisAndPreviousQuarter } from '../workbench/periods.js';
import { WorkbenchSourceProvider } from '../workbench/workbench.registry.js';
import type { WorkbenchItem, WorkbenchItems, WorkbenchKpi, WorkbenchSource } from '../workbench/workbench.types.js';
import { FeesService } from './fees.service.js';

const NOTHING: WorkbenchItems = { total: 0, overdue: 0, items: [] };

/** A decision without a deadline of its own: waiting since `since`, oldest first. */
function decision(source: string, action: string, recordId: number, title: string, link: string): WorkbenchItem {
  return { source, kind: 'decision', action, recordId, title, dueOn: null, overdue: false, link };
}

/** M-3: an exception waits on each approver who has not decided it yet. */
@WorkbenchSourceProvider()
export class CardLimitExceptionsWorkbench implements WorkbenchSource {
  readonly name = 'card-limit-exceptions';

  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async items(ctx: RequestContext, limit: number): Promise<WorkbenchItems> {
    const perms = ctx.user.permissions;
    const undecided: Prisma.CardLimitExceptionWhereInput | null = perms.includes('card-exceptions:approve-manager')
      ? { managerDecisionById: null }
      : perms.includes('card-exceptions:approve-leader')
        ? { leaderDecisionById: null }
        : null;
    if (!undecided) return NOTHING;
    const where: Prisma.CardLimitExceptionWhereInput = { status: 'PENDING', ...undecided, household: projectRegionFilter(ctx.user) };
    const [total, rows] = await Promise.all([
      this.db.cardLimitException.count({ where }),
      this.db.cardLimitException.findMany({
        where,
        orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
        take: limit,
        select: { id: true, household: { select: { project: { select: { name: true } }, unit: { select: { number: true, building: { select: { name: true } } } } } } },
      }),
    ]);
    return {
      total,
      overdue: 0,
      items: rows.map((r) => {
        const h = r.household;
        return decision(this.name, 'card-limit-exceptions.next.DECIDE', r.id, `${h.project.name} ${h.unit.building.name}-${h.unit.number}`, `/card-limit-exceptions?status=PENDING`);
      }),
    };
  }
}

/** M-10: the member officer reviews each pending reissue request. */
@WorkbenchSourceProvider()
export class ReissueRequestsWorkbench implements WorkbenchSource {
  readonly name = 'card-reissue-requests';

  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async items(ctx: RequestContext, limit: number): Promise<WorkbenchItems> {
    // The reviewer is the member officer (M-10); the club manager, who may also act, is not asked.
    if (!ctx.user.permissions.includes('cards:manage') || ctx.user.role !== 'member_officer') return NOTHING;
    const where: Prisma.CardReissueRequestWhereInput = { status: 'PENDING', ...(ctx.user.regionCode ? { card: { member: regionFilter(ctx.user) } } : {}) };
    const [total, rows] = await Promise.all([
      this.db.cardReissueRequest.count({ where }),
      this.db.cardReissueRequest.findMany({
        where,
        orderBy: [{ requestedOn: 'asc' }, { id: 'asc' }],
        take: limit,
        select: { id: true, card: { select: { cardNo: true, member: { select: { name: true } } } } },
      }),
    ]);
    return {
      total,
      overdue: 0,
      items: rows.map((r) => decision(this.name, 'card-reissue-requests.next.REVIEW', r.id, `${r.card.cardNo} ${r.card.member?.name ?? ''}`.trim(), `/card-reissue-requests?status=PENDING`)),
    };
  }
}

/** M-8: the statements the club manager has still to sign, and the quarter's card-fee income. */
@WorkbenchSourceProvider()
export class FeeStatementsWorkbench implements WorkbenchSource {
  readonly name = 'fee-statements';

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(FeesService) private readonly fees: FeesService,
  ) {}

  async items(ctx: RequestContext, limit: number): Promise<WorkbenchItems> {
    if (!ctx.user.permissions.includes('fees:sign')) return NOTHING;
    const where: Prisma.FeeStatementWhereInput = { signedById: null, ...regionFilter(ctx.user) };
    const [total, rows] = await Promise.all([
      this.db.feeStatement.count({ where }),
      this.db.feeStatement.findMany({
        where,
        orderBy: [{ year: 'asc' }, { quarter: 'asc' }, { id: 'asc' }],
        take: limit,
        select: { id: true, year: true, quarter: true, region: { select: { name: true } } },
      }),
    ]);
    return {
      total,
      overdue: 0,
      items: rows.map((s) => decision(this.name, 'fee-statements.next.SIGN', s.id, `${s.year}-Q${s.quarter}${s.region ? ` ${s.region.name}` : ''}`, `/fee-statements`)),
    };
  }

  async kpis(ctx: RequestContext): Promise<WorkbenchKpi[]> {
    if (!ctx.user.permissions.includes('fees:list')) return [];
    const scope = await this.fees.regionProjects(ctx);
    const { current, previous } = thisAndPreviousQuarter();
    const income = async (q: { start: Date; end: Date }) =>
      (await this.db.feeEntry.aggregate({ where: { ...scope, paidOn: { gte: q.start, lt: q.end } }, _sum: { amountFen: true } }))._sum.amountFen ?? 0;
    const [now, before] = await Promise.all([income(current), income(previous)]);
    return [{ key: 'fees.collectedThisQuarter', value: now, previous: before, unit: 'fen', period: 'quarter', link: `/fee-entries?paidOn_gte=${isoDay(current.start)}`, higherIsBetter: true }];
  }
}
