import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ApprovalOutcome } from '../approvals/approval-chains.js';
import { MemberQuartersService } from '../analysis/member-quarters.service.js';
import { ApprovalsService } from '../approvals/approvals.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentUser, RequestContext } from '../auth/current-user.js';
import { regionFilter } from '../auth/region-scope.js';
import { staffNames } from '../auth/staff-names.js';
import { isoDay } from '../calendar/working-days.js';
import { AppError } from '../common/app-error.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { ADJUSTMENT_CHAIN, GROUP_PLAN_CHAIN, REGION_PLAN_CHAIN, forLarge, isLarge } from './activity-chains.js';
import { PLAN_STATUSES, type AdjustmentInput, type PlanInput, type PlanUpdateInput } from './activity.schema.js';

export const PLAN_SUBJECT = 'activity-plan';
export const ADJUSTMENT_SUBJECT = 'activity-plan-adjustment';

export const activityPlanListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    year: { kind: 'int', sortable: true },
    regionCode: { kind: 'string' },
    status: { kind: 'enum', values: PLAN_STATUSES },
    large: { kind: 'bool' },
    updatedAt: { kind: 'date', sortable: true },
  },
  filters: {
    group: { kind: 'bool', doc: "the group club's own plans (true) or the regions' (false)", where: (v: boolean) => (v ? { regionCode: null } : { NOT: { regionCode: null } }) },
  },
  search: (q) => ({ title: { contains: q, mode: 'insensitive' } }),
  defaultSort: [{ year: 'desc' }, { id: 'desc' }],
};

type ActivityIn = PlanInput['activities'][number];
/** What a version keeps of an activity (and what an adjustment compares). */
interface ActivitySnapshot {
  id?: number;
  name: string;
  startsOn: string;
  endsOn: string;
  expectedParticipants: number;
  departments: string[];
  brand: boolean;
  budgetLines: { item: string; amountFen: number }[];
  budgetFen: number;
}

function snapshotOf(a: ActivityIn & { id?: number }): ActivitySnapshot {
  return {
    ...(a.id ? { id: a.id } : {}),
    name: a.name,
    startsOn: isoDay(a.startsOn),
    endsOn: isoDay(a.endsOn),
    expectedParticipants: a.expectedParticipants,
    departments: a.departments,
    brand: a.brand,
    budgetLines: a.budgetLines,
    budgetFen: a.budgetLines.reduce((s, l) => s + l.amountFen, 0),
  };
}

function rowSnapshot(r: { id: number; name: string; startsOn: Date; endsOn: Date; expectedParticipants: number; departments: string[]; brand: boolean; budgetLines: unknown; budgetFen: number }): ActivitySnapshot {
  return { id: r.id, name: r.name, startsOn: isoDay(r.startsOn), endsOn: isoDay(r.endsOn), expectedParticipants: r.expectedParticipants, departments: r.departments, brand: r.brand, budgetLines: r.budgetLines as ActivitySnapshot['budgetLines'], budgetFen: r.budgetFen };
}

const FIELDS = ['name', 'startsOn', 'endsOn', 'expectedParticipants', 'departments', 'brand', 'budgetLines', 'budgetFen'] as const;

/** What an adjustment changes: activities added, dropped, and each changed field before → after. */
export function diffActivities(before: ActivitySnapshot[], after: ActivitySnapshot[]) {
  const byId = new Map(before.map((b) => [b.id, b]));
  const kept = new Set(after.filter((a) => a.id).map((a) => a.id));
  const changed: { id: number; name: string; fields: Record<string, [unknown, unknown]> }[] = [];
  for (const a of after) {
    const b = a.id ? byId.get(a.id) : undefined;
    if (!b) continue;
    const fields: Record<string, [unknown, unknown]> = {};
    for (const f of FIELDS) if (JSON.stringify(a[f]) !== JSON.stringify(b[f])) fields[f] = [b[f], a[f]];
    if (Object.keys(fields).length) changed.push({ id: b.id!, name: a.name, fields });
  }
  return {
    added: after.filter((a) => !a.id).map((a) => a.name),
    removed: before.filter((b) => !kept.has(b.id)).map((b) => ({ id: b.id, name: b.name })),
    changed,
  };
}

const include = {
  activities: { orderBy: [{ startsOn: 'asc' }, { id: 'asc' }] },
  versions: { orderBy: { number: 'asc' } },
} satisfies Prisma.ActivityPlanInclude;
type PlanRow = Prisma.ActivityPlanGetPayload<{ include: typeof include }>;

/** A-1, A-1a, A-3: the annual activity plan, its approval and its in-year adjustments. */
@Injectable()
export class ActivityPlansService implements OnModuleInit {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(ApprovalsService) private readonly approvals: ApprovalsService,
    @Inject(MemberQuartersService) private readonly quarters: MemberQuartersService,
  ) {}

  onModuleInit(): void {
    this.approvals.registerSubject({ subjectType: PLAN_SUBJECT, decided: (tx, id, outcome) => this.planDecided(tx, id, outcome) });
    this.approvals.registerSubject({ subjectType: ADJUSTMENT_SUBJECT, decided: (tx, id, outcome) => this.adjustmentDecided(tx, id, outcome) });
  }

  /** The region a new record is for: a regional user's own; for the group, the one named (or null, its own). */
  async regionFor(user: CurrentUser, requested: string | null | undefined, field = 'regionCode'): Promise<string | null> {
    if (user.regionCode) {
      if (requested !== undefined && requested !== null && requested !== user.regionCode) throw AppError.field(field, 'activities.regionNotFound');
      return user.regionCode;
    }
    if (!requested) return null;
    if (!(await this.db.region.findUnique({ where: { code: requested } }))) throw AppError.field(field, 'activities.regionNotFound');
    return requested;
  }

  async list(query: Record<string, unknown>, ctx: RequestContext) {
    const q = parseListQuery(activityPlanListSpec, query);
    const where: Prisma.ActivityPlanWhereInput = { AND: [q.where as Prisma.ActivityPlanWhereInput, regionFilter(ctx.user)] };
    const [total, rows] = await Promise.all([
      this.db.activityPlan.count({ where }),
      this.db.activityPlan.findMany({ where, include: { activities: { where: { cancelled: false }, select: { budgetFen: true, expectedParticipants: true } } }, orderBy: q.orderBy as Prisma.ActivityPlanOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    return {
      total,
      data: rows.map((r) => ({
        id: r.id,
        year: r.year,
        regionCode: r.regionCode,
        title: r.title,
        status: r.status,
        large: r.large,
        version: r.version,
        activityCount: r.activities.length,
        budgetFen: r.activities.reduce((s, a) => s + a.budgetFen, 0),
        expectedParticipants: r.activities.reduce((s, a) => s + a.expectedParticipants, 0),
        updatedAt: r.updatedAt.toISOString(),
      })),
    };
  }

  private async find(id: number, ctx: RequestContext): Promise<PlanRow> {
    const row = await this.db.activityPlan.findFirst({ where: { id, ...regionFilter(ctx.user) }, include });
    if (!row) throw AppError.notFound();
    return row;
  }

  async get(id: number, ctx: RequestContext) {
    const r = await this.find(id, ctx);
    const [approvals, adjustmentRounds, names] = await Promise.all([
      this.approvals.history(PLAN_SUBJECT, id, ctx),
      // Every adjustment's rounds in one read, not one per version.
      this.approvals.histories(ADJUSTMENT_SUBJECT, r.versions.filter((v) => v.number > 1).map((v) => v.id), ctx),
      staffNames(this.db, [r.createdById, ...r.versions.map((v) => v.createdById)]),
    ]);
    const live = r.activities.filter((a) => !a.cancelled);
    return {
      id: r.id,
      year: r.year,
      regionCode: r.regionCode,
      title: r.title,
      lastYearFixes: r.lastYearFixes,
      memberSummary: r.memberSummary,
      memberFigures: r.memberFigures,
      goals: r.goals,
      status: r.status,
      large: r.large,
      version: r.version,
      createdById: r.createdById,
      createdByName: names.get(r.createdById) ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      budgetFen: live.reduce((s, a) => s + a.budgetFen, 0),
      activities: r.activities.map((a) => ({ ...rowSnapshot(a), cancelled: a.cancelled, large: isLarge(a), quarter: Math.floor(a.startsOn.getUTCMonth() / 3) + 1, month: a.startsOn.getUTCMonth() + 1 })),
      versions: r.versions.map((v) => ({
        id: v.id,
        number: v.number,
        reason: v.reason,
        changes: v.changes,
        snapshot: v.snapshot,
        status: v.status,
        createdById: v.createdById,
        createdByName: names.get(v.createdById) ?? null,
        createdAt: v.createdAt.toISOString(),
        approvals: adjustmentRounds.get(v.id) ?? [],
      })),
      approvals,
    };
  }

  async create(input: PlanInput, ctx: RequestContext) {
    const regionCode = await this.regionFor(ctx.user, input.regionCode);
    // the member characteristics as of 31 Dec of the year before, from the frozen
    // quarter, unless the author gives their own figures.
    const memberFigures = input.memberFigures ?? (await this.quarters.yearEndFigures(input.year - 1, regionCode)) ?? {};
    const created = await this.db.$transaction(async (tx) => {
      const plan = await tx.activityPlan.create({
        data: {
          year: input.year,
          regionCode,
          title: input.title,
          lastYearFixes: input.lastYearFixes,
          memberSummary: input.memberSummary,
          memberFigures: memberFigures as Prisma.InputJsonObject,
          goals: (input.goals ?? {}) as Prisma.InputJsonObject,
          large: input.activities.some((a) => isLarge(snapshotOf(a))),
          createdById: ctx.user.id,
          activities: { create: input.activities.map((a) => this.activityData(snapshotOf(a))) },
        },
      });
      await this.audit.record(ctx, 'CREATE', 'activity-plans', plan.id, { year: input.year, regionCode, activities: input.activities.length }, tx);
      return plan;
    }).catch((e: { code?: string }) => {
      // one plan per year and level, held by the unique index (year, regionCode) NULLS NOT DISTINCT.
      if (e.code === 'P2002') throw new AppError(409, 'activities.planExists', { year: input.year });
      throw e;
    });
    return this.get(created.id, ctx);
  }

  private activityData(s: ActivitySnapshot) {
    return {
      name: s.name,
      startsOn: new Date(`${s.startsOn}T00:00:00Z`),
      endsOn: new Date(`${s.endsOn}T00:00:00Z`),
      expectedParticipants: s.expectedParticipants,
      departments: s.departments,
      brand: s.brand,
      budgetLines: s.budgetLines as Prisma.InputJsonArray,
      budgetFen: s.budgetFen,
    };
  }

  async update(id: number, input: PlanUpdateInput, ctx: RequestContext) {
    const plan = await this.find(id, ctx);
    if (plan.status !== 'DRAFT' && plan.status !== 'REJECTED') throw new AppError(409, 'activities.notEditable', { status: { key: `activities.status.${plan.status}` } });
    await this.db.$transaction(async (tx) => {
      const { activities, memberFigures, goals, ...rest } = input;
      await tx.activityPlan.update({
        where: { id },
        data: { ...rest, ...(memberFigures ? { memberFigures: memberFigures as Prisma.InputJsonObject } : {}), ...(goals ? { goals: goals as Prisma.InputJsonObject } : {}) },
      });
      if (activities) {
        await tx.plannedActivity.deleteMany({ where: { planId: id } });
        await tx.plannedActivity.createMany({ data: activities.map((a) => ({ planId: id, ...this.activityData(snapshotOf(a)) })) });
        await tx.activityPlan.update({ where: { id }, data: { large: activities.some((a) => isLarge(snapshotOf(a))) } });
      }
      await this.audit.record(ctx, 'UPDATE', 'activity-plans', id, { fields: Object.keys(input) }, tx);
    });
    return this.get(id, ctx);
  }

  /** to the region's or the group's chain; a large plan also to the group's review and the marketing VP. */
  async submit(id: number, ctx: RequestContext) {
    const plan = await this.find(id, ctx);
    if (plan.status !== 'DRAFT' && plan.status !== 'REJECTED') throw new AppError(409, 'activities.notEditable', { status: { key: `activities.status.${plan.status}` } });
    const large = plan.activities.some((a) => !a.cancelled && isLarge(a));
    const base = plan.regionCode ? REGION_PLAN_CHAIN : GROUP_PLAN_CHAIN;
    await this.db.$transaction(async (tx) => {
      const n = await tx.activityPlan.updateMany({ where: { id, status: { in: ['DRAFT', 'REJECTED'] } }, data: { status: 'SUBMITTED', large } });
      if (n.count !== 1) throw new AppError(409, 'activities.notEditable', { status: { key: 'activities.status.SUBMITTED' } });
      await this.approvals.submit(tx, ctx, { subjectType: PLAN_SUBJECT, subjectId: id, regionCode: plan.regionCode, title: `${plan.year} ${plan.title}`, link: `/activity-plans/show/${id}`, chain: large ? forLarge(base) : base });
      await this.audit.record(ctx, 'UPDATE', 'activity-plans', id, { event: 'SUBMIT', large }, tx);
    });
    return this.get(id, ctx);
  }

  private async planDecided(tx: Prisma.TransactionClient, id: number, outcome: ApprovalOutcome) {
    if (outcome === 'REJECTED') {
      await tx.activityPlan.update({ where: { id }, data: { status: 'REJECTED' } });
      return;
    }
    // The original as approved is version 1.
    const plan = await tx.activityPlan.update({ where: { id }, data: { status: 'APPROVED', version: 1 }, include: { activities: { where: { cancelled: false }, orderBy: { id: 'asc' } } } });
    await tx.activityPlanVersion.create({ data: { planId: id, number: 1, reason: '', changes: {}, snapshot: plan.activities.map(rowSnapshot) as unknown as Prisma.InputJsonArray, status: 'APPROVED', createdById: plan.createdById } });
  }

  /** an in-year adjustment, kept as the next numbered version with what it changes, approved by club manager + division leader. */
  async adjust(id: number, input: AdjustmentInput, ctx: RequestContext) {
    const plan = await this.find(id, ctx);
    if (plan.status !== 'APPROVED') throw new AppError(409, 'activities.notApproved');
    if (plan.versions.some((v) => v.status === 'SUBMITTED' || v.status === 'REJECTED')) throw new AppError(409, 'activities.adjustmentPending');
    const { before, after, changes } = this.compare(plan, input);
    const number = Math.max(0, ...plan.versions.map((v) => v.number)) + 1;
    const created = await this.db.$transaction(async (tx) => {
      const version = await tx.activityPlanVersion.create({ data: { planId: id, number, reason: input.reason, changes: changes as unknown as Prisma.InputJsonObject, snapshot: after as unknown as Prisma.InputJsonArray, createdById: ctx.user.id } });
      await this.submitAdjustment(tx, ctx, plan, version.id, number, before, after);
      await this.audit.record(ctx, 'CREATE', 'activity-plan-versions', version.id, { planId: id, number, changes: changes as unknown as Prisma.InputJsonObject }, tx);
      return version;
    });
    return { planId: id, versionId: created.id, number };
  }

  /** A rejected adjustment, revised and submitted again (the same version number, a new round). */
  async resubmitAdjustment(versionId: number, input: AdjustmentInput, ctx: RequestContext) {
    const version = await this.db.activityPlanVersion.findFirst({ where: { id: versionId, plan: regionFilter(ctx.user) } });
    if (!version) throw AppError.notFound();
    if (version.status !== 'REJECTED') throw new AppError(409, 'activities.notEditable', { status: { key: `activities.status.${version.status}` } });
    const plan = await this.find(version.planId, ctx);
    const { before, after, changes } = this.compare(plan, input);
    await this.db.$transaction(async (tx) => {
      const n = await tx.activityPlanVersion.updateMany({ where: { id: versionId, status: 'REJECTED' }, data: { reason: input.reason, changes: changes as unknown as Prisma.InputJsonObject, snapshot: after as unknown as Prisma.InputJsonArray, status: 'SUBMITTED' } });
      if (n.count !== 1) throw new AppError(409, 'activities.notEditable', { status: { key: 'activities.status.SUBMITTED' } });
      await this.submitAdjustment(tx, ctx, plan, versionId, version.number, before, after);
      await this.audit.record(ctx, 'UPDATE', 'activity-plan-versions', versionId, { event: 'RESUBMIT', changes: changes as unknown as Prisma.InputJsonObject }, tx);
    });
    return { planId: plan.id, versionId, number: version.number };
  }

  private compare(plan: PlanRow, input: AdjustmentInput) {
    const current = plan.activities.filter((a) => !a.cancelled);
    const ids = new Set(current.map((a) => a.id));
    input.activities.forEach((a, i) => {
      if (a.id !== undefined && !ids.has(a.id)) throw AppError.field(`activities.${i}.id`, 'activities.activityNotInPlan');
    });
    const before = current.map(rowSnapshot);
    const after = input.activities.map(snapshotOf);
    return { before, after, changes: diffActivities(before, after) };
  }

  /** A-3 again: an adjustment that makes an activity large goes to the group's review and the marketing VP too. */
  private async submitAdjustment(tx: Prisma.TransactionClient, ctx: RequestContext, plan: PlanRow, versionId: number, number: number, before: ActivitySnapshot[], after: ActivitySnapshot[]) {
    const wasLarge = new Set(before.filter(isLarge).map((b) => b.id));
    const newlyLarge = after.some((a) => isLarge(a) && !(a.id && wasLarge.has(a.id)));
    await this.approvals.submit(tx, ctx, {
      subjectType: ADJUSTMENT_SUBJECT,
      subjectId: versionId,
      regionCode: plan.regionCode,
      title: `${plan.year} ${plan.title} · v${number}`,
      link: `/activity-plans/show/${plan.id}`,
      chain: newlyLarge ? forLarge(ADJUSTMENT_CHAIN) : ADJUSTMENT_CHAIN,
    });
  }

  private async adjustmentDecided(tx: Prisma.TransactionClient, versionId: number, outcome: ApprovalOutcome) {
    const version = await tx.activityPlanVersion.update({ where: { id: versionId }, data: { status: outcome } });
    if (outcome === 'REJECTED') return;
    const after = version.snapshot as unknown as ActivitySnapshot[];
    const kept = new Set(after.filter((a) => a.id).map((a) => a.id!));
    await tx.plannedActivity.updateMany({ where: { planId: version.planId, cancelled: false, id: { notIn: [...kept] } }, data: { cancelled: true } });
    for (const a of after) {
      if (a.id) await tx.plannedActivity.update({ where: { id: a.id }, data: this.activityData(a) });
      else await tx.plannedActivity.create({ data: { planId: version.planId, ...this.activityData(a) } });
    }
    const live = await tx.plannedActivity.findMany({ where: { planId: version.planId, cancelled: false } });
    await tx.activityPlan.update({ where: { id: version.planId }, data: { version: version.number, large: live.some(isLarge) } });
  }
}
