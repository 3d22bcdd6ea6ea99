import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ApprovalOutcome } from '../approvals/approval-chains.js';
import { ApprovalsService } from '../approvals/approvals.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/current-user.js';
import { regionFilter } from '../auth/region-scope.js';
import { staffNames } from '../auth/staff-names.js';
import { clubToday } from '../calendar/calendar.service.js';
import { isoDay } from '../calendar/working-days.js';
import { AppError } from '../common/app-error.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { IMPLEMENTATION_CHAIN, forLarge, forUnplanned, isLarge } from './activity-chains.js';
import { PLAN_STATUSES, type ActualCostInput, type ImplementationPlanInput, type ImplementationPlanUpdateInput } from './activity.schema.js';
import { ActivityPlansService } from './activity-plans.service.js';

export const IMPLEMENTATION_SUBJECT = 'implementation-plan';

export const implementationPlanListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    plannedActivityId: { kind: 'int' },
    regionCode: { kind: 'string' },
    status: { kind: 'enum', values: PLAN_STATUSES },
    unplanned: { kind: 'bool' },
    large: { kind: 'bool' },
    startsOn: { kind: 'date', sortable: true },
  },
  search: (q) => ({ OR: [{ name: { contains: q, mode: 'insensitive' } }, { theme: { contains: q, mode: 'insensitive' } }] }),
  defaultSort: [{ startsOn: 'desc' }, { id: 'desc' }],
};

/** the latest day to submit the plan of an activity starting on `startsOn`: one calendar month before. */
export function latestSubmission(startsOn: Date): Date {
  const d = new Date(Date.UTC(startsOn.getUTCFullYear(), startsOn.getUTCMonth() - 1, startsOn.getUTCDate()));
  // 31 March → 28/29 February, not 3 March.
  if (d.getUTCMonth() !== (startsOn.getUTCMonth() + 11) % 12) d.setUTCDate(0);
  return d;
}

const include = { budgetLines: { orderBy: { position: 'asc' } }, plannedActivity: { select: { name: true, planId: true } } } satisfies Prisma.ImplementationPlanInclude;
type Row = Prisma.ImplementationPlanGetPayload<{ include: typeof include }>;

/** implementation plans, their approval and their actual cost by line. */
@Injectable()
export class ImplementationPlansService implements OnModuleInit {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ApprovalsService) private readonly approvals: ApprovalsService,
    @Inject(ActivityPlansService) private readonly plans: ActivityPlansService,
  ) {}

  onModuleInit(): void {
    this.approvals.registerSubject({ subjectType: IMPLEMENTATION_SUBJECT, decided: (tx, id, outcome) => this.decided(tx, id, outcome) });
  }

  async list(query: Record<string, unknown>, ctx: RequestContext) {
    const q = parseListQuery(implementationPlanListSpec, query);
    const where: Prisma.ImplementationPlanWhereInput = { AND: [q.where as Prisma.ImplementationPlanWhereInput, regionFilter(ctx.user)] };
    const [total, rows] = await Promise.all([
      this.db.implementationPlan.count({ where }),
      this.db.implementationPlan.findMany({ where, include, orderBy: q.orderBy as Prisma.ImplementationPlanOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    return { total, data: await this.map(rows) };
  }

  private async find(id: number, ctx: RequestContext): Promise<Row> {
    const row = await this.db.implementationPlan.findFirst({ where: { id, ...regionFilter(ctx.user) }, include });
    if (!row) throw AppError.notFound();
    return row;
  }

  async get(id: number, ctx: RequestContext) {
    const row = await this.find(id, ctx);
    const [[item], approvals] = await Promise.all([this.map([row]), this.approvals.history(IMPLEMENTATION_SUBJECT, id, ctx)]);
    return { ...item, approvals };
  }

  async create(input: ImplementationPlanInput, ctx: RequestContext) {
    let regionCode: string | null;
    if (input.plannedActivityId !== undefined) {
      // Only an activity of an approved annual plan the caller may see.
      const planned = await this.db.plannedActivity.findFirst({ where: { id: input.plannedActivityId, cancelled: false, plan: { status: 'APPROVED', ...regionFilter(ctx.user) } }, include: { plan: true } });
      if (!planned) throw AppError.field('plannedActivityId', 'activities.plannedActivityNotFound');
      regionCode = planned.plan.regionCode;
    } else {
      regionCode = await this.plans.regionFor(ctx.user, input.regionCode);
    }
    const created = await this.db.$transaction(async (tx) => {
      const row = await tx.implementationPlan.create({
        data: {
          plannedActivityId: input.plannedActivityId ?? null,
          regionCode,
          unplanned: input.unplanned,
          ...this.fields(input),
          createdById: ctx.user.id,
          budgetLines: { create: input.budgetLines.map((l, i) => ({ position: i + 1, item: l.item, budgetFen: l.budgetFen, sharedBy: l.sharedBy })) },
        },
      });
      await this.audit.record(ctx, 'CREATE', 'implementation-plans', row.id, { plannedActivityId: input.plannedActivityId ?? null, unplanned: input.unplanned, regionCode }, tx);
      return row;
    });
    return this.get(created.id, ctx);
  }

  private fields(input: ImplementationPlanUpdateInput) {
    const { budgetLines: _lines, unplanned: _u, staffRoles, ...rest } = input;
    return { ...rest, ...(staffRoles ? { staffRoles: staffRoles as Prisma.InputJsonArray } : {}) } as Omit<Prisma.ImplementationPlanUncheckedCreateInput, 'createdById'> & { name: string; theme: string; place: string; startsOn: Date; endsOn: Date; expectedParticipants: number };
  }

  async update(id: number, input: ImplementationPlanUpdateInput, ctx: RequestContext) {
    const row = await this.find(id, ctx);
    if (row.status !== 'DRAFT' && row.status !== 'REJECTED') throw new AppError(409, 'activities.notEditable', { status: { key: `activities.status.${row.status}` } });
    const startsOn = input.startsOn ?? row.startsOn;
    const endsOn = input.endsOn ?? row.endsOn;
    if (endsOn < startsOn) throw AppError.field('endsOn', 'activities.endsBeforeStart');
    // Unplanned is a route of an activity without a planned one; a planned one may take it when late.
    if (input.unplanned === false && row.plannedActivityId === null) throw AppError.field('unplanned', 'activities.plannedOrUnplanned');
    await this.db.$transaction(async (tx) => {
      await tx.implementationPlan.update({ where: { id }, data: { ...this.fields(input), ...(input.unplanned !== undefined ? { unplanned: input.unplanned } : {}) } });
      if (input.budgetLines) {
        await tx.implementationBudgetLine.deleteMany({ where: { planId: id } });
        await tx.implementationBudgetLine.createMany({ data: input.budgetLines.map((l, i) => ({ planId: id, position: i + 1, item: l.item, budgetFen: l.budgetFen, sharedBy: l.sharedBy })) });
      }
      await this.audit.record(ctx, 'UPDATE', 'implementation-plans', id, { fields: Object.keys(input) }, tx);
    });
    return this.get(id, ctx);
  }

  /**
   * at least one month before the activity, else only as unplanned (A-4: the group's approval
   * first for a region); A-3: a large one also to the group's review and the marketing VP.
   */
  async submit(id: number, ctx: RequestContext) {
    const row = await this.find(id, ctx);
    if (row.status !== 'DRAFT' && row.status !== 'REJECTED') throw new AppError(409, 'activities.notEditable', { status: { key: `activities.status.${row.status}` } });
    const latest = latestSubmission(row.startsOn);
    if (!row.unplanned && clubToday() > latest) throw AppError.field('startsOn', 'activities.lessThanMonth', { latest: isoDay(latest), startsOn: isoDay(row.startsOn) });
    const budgetFen = row.budgetLines.reduce((s, l) => s + l.budgetFen, 0);
    const large = isLarge({ ...row, budgetFen });
    let chain = row.unplanned ? forUnplanned(IMPLEMENTATION_CHAIN, row.regionCode) : IMPLEMENTATION_CHAIN;
    if (large) chain = forLarge(chain);
    await this.db.$transaction(async (tx) => {
      const n = await tx.implementationPlan.updateMany({ where: { id, status: { in: ['DRAFT', 'REJECTED'] } }, data: { status: 'SUBMITTED', large } });
      if (n.count !== 1) throw new AppError(409, 'activities.notEditable', { status: { key: 'activities.status.SUBMITTED' } });
      await this.approvals.submit(tx, ctx, { subjectType: IMPLEMENTATION_SUBJECT, subjectId: id, regionCode: row.regionCode, title: `${isoDay(row.startsOn)} ${row.name}`, link: `/implementation-plans/show/${id}`, chain });
      await this.audit.record(ctx, 'UPDATE', 'implementation-plans', id, { event: 'SUBMIT', large, unplanned: row.unplanned }, tx);
    });
    return this.get(id, ctx);
  }

  private async decided(tx: Prisma.TransactionClient, id: number, outcome: ApprovalOutcome) {
    await tx.implementationPlan.update({ where: { id }, data: { status: outcome } });
  }

  /** the actual cost of each line, against its budget. */
  async recordActualCosts(id: number, input: ActualCostInput, ctx: RequestContext) {
    const row = await this.find(id, ctx);
    if (row.status !== 'APPROVED') throw new AppError(409, 'activities.notImplementable');
    const positions = new Set(row.budgetLines.map((l) => l.position));
    input.lines.forEach((l, i) => {
      if (!positions.has(l.position)) throw AppError.field(`lines.${i}.position`, 'activities.noSuchLine', { position: l.position });
    });
    await this.db.$transaction(async (tx) => {
      for (const l of input.lines) await tx.implementationBudgetLine.update({ where: { planId_position: { planId: id, position: l.position } }, data: { actualFen: l.actualFen, actualRecordedById: ctx.user.id, actualRecordedAt: new Date() } });
      await this.audit.record(ctx, 'UPDATE', 'implementation-plans', id, { event: 'ACTUAL_COST', lines: input.lines }, tx);
    });
    return this.get(id, ctx);
  }

  private async map(rows: Row[]) {
    const names = await staffNames(this.db, rows.map((r) => r.createdById));
    return rows.map((r) => {
      const budgetFen = r.budgetLines.reduce((s, l) => s + l.budgetFen, 0);
      const recorded = r.budgetLines.filter((l) => l.actualFen !== null);
      return {
        id: r.id,
        plannedActivityId: r.plannedActivityId,
        plannedActivityName: r.plannedActivity?.name ?? null,
        annualPlanId: r.plannedActivity?.planId ?? null,
        regionCode: r.regionCode,
        unplanned: r.unplanned,
        name: r.name,
        theme: r.theme,
        audiences: r.audiences,
        place: r.place,
        startsOn: isoDay(r.startsOn),
        endsOn: isoDay(r.endsOn),
        latestSubmission: isoDay(latestSubmission(r.startsOn)),
        expectedParticipants: r.expectedParticipants,
        departments: r.departments,
        brand: r.brand,
        staffRoles: r.staffRoles as { role: string; name: string }[],
        announcementDates: r.announcementDates.map(isoDay),
        status: r.status,
        large: r.large,
        budgetFen,
        actualFen: recorded.length ? recorded.reduce((s, l) => s + l.actualFen!, 0) : null,
        budgetLines: r.budgetLines.map((l) => ({ position: l.position, item: l.item, budgetFen: l.budgetFen, sharedBy: l.sharedBy, actualFen: l.actualFen, varianceFen: l.actualFen === null ? null : l.actualFen - l.budgetFen, actualRecordedAt: l.actualRecordedAt?.toISOString() ?? null })),
        createdById: r.createdById,
        createdByName: names.get(r.createdById) ?? null,
        createdAt: r.createdAt.toISOString(),
      };
    });
  }
}
