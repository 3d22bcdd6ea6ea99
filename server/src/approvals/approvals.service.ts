import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentUser, RequestContext } from '../auth/current-user.js';
import { regionFilter } from '../auth/region-scope.js';
import { staffNames } from '../auth/staff-names.js';
import { CalendarService, clubToday } from '../calendar/calendar.service.js';
import { isoDay } from '../calendar/working-days.js';
import { AppError } from '../common/app-error.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { ApprovalChain, ApprovalOutcome, ApprovalSubjectHandler } from './approval-chains.js';

/** What a feature submits: its subject, the chain it declared, and how the subject is named and reached. */
export interface Submission {
  subjectType: string;
  subjectId: number;
  /** The subject's region; null for the group club's own subjects. */
  regionCode: string | null;
  title: string;
  link: string;
  chain: ApprovalChain;
}

const include = { steps: { orderBy: { position: 'asc' } } } satisfies Prisma.ApprovalRequestInclude;
type RequestRow = Prisma.ApprovalRequestGetPayload<{ include: typeof include }>;

/** The steps the user could decide, whoever submitted them (role and scope only). */
export function decidableSteps(user: CurrentUser): Prisma.ApprovalStepWhereInput {
  const scope: Prisma.ApprovalStepWhereInput = user.regionCode
    ? { scope: 'REGION', request: { regionCode: user.regionCode } }
    : { OR: [{ scope: 'GROUP' }, { scope: 'REGION', request: { regionCode: null } }] };
  return { status: 'PENDING', role: user.role, AND: [scope, { request: { submittedById: { not: user.id }, steps: { none: { decidedById: user.id } } } }] };
}

export const pendingListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    dueOn: { kind: 'date', sortable: true },
  },
  filters: {
    subjectType: { kind: 'string', doc: 'the kind of subject (activity-plan, implementation-plan, ...)', where: (v: string) => ({ request: { subjectType: v } }) },
    overdue: {
      kind: 'bool',
      doc: 'past its deadline (true) or not (false)',
      where: (v: boolean) => (v ? { dueOn: { lt: clubToday() } } : { NOT: { dueOn: { lt: clubToday() } } }),
    },
  },
  defaultSort: [{ dueOn: 'asc' }, { id: 'asc' }],
};

/**
 * The one approval engine: rounds of a subject through its chain, one decision per step by a user
 * of the step's role in the subject's scope, nobody deciding their own submission or two steps of
 * one subject, a rejection returning the subject to its author with a revision deadline in working
 * days. Every decision is kept on its step and written to the audit log in the same transaction.
 */
@Injectable()
export class ApprovalsService {
  private readonly handlers = new Map<string, ApprovalSubjectHandler>();

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CalendarService) private readonly calendar: CalendarService,
  ) {}

  /** A feature names itself as the owner of a subject type (in its onModuleInit). */
  registerSubject(handler: ApprovalSubjectHandler): void {
    if (this.handlers.has(handler.subjectType)) throw new Error(`approval subject "${handler.subjectType}" registered twice`);
    this.handlers.set(handler.subjectType, handler);
  }

  subjectTypes(): string[] {
    return [...this.handlers.keys()];
  }

  /** Opens a new round, inside the caller's transaction (the subject's change and its submission are one). */
  async submit(tx: Prisma.TransactionClient, ctx: RequestContext, s: Submission): Promise<{ id: number; round: number }> {
    if (!this.handlers.has(s.subjectType)) throw new Error(`approval subject "${s.subjectType}" has no handler`);
    if (!s.chain.steps.length) throw new Error(`chain ${s.chain.key} has no steps`);
    const last = await tx.approvalRequest.findFirst({ where: { subjectType: s.subjectType, subjectId: s.subjectId }, orderBy: { round: 'desc' } });
    if (last?.status === 'PENDING') throw new AppError(409, 'approvals.alreadyPending');
    if (last?.status === 'REJECTED' && !last.revisedAt) await tx.approvalRequest.update({ where: { id: last.id }, data: { revisedAt: new Date() } });
    const firstDue = await this.calendar.addWorkingDays(clubToday(), s.chain.stepDays);
    const round = (last?.round ?? 0) + 1;
    const created = await tx.approvalRequest.create({
      data: {
        subjectType: s.subjectType,
        subjectId: s.subjectId,
        round,
        chainKey: s.chain.key,
        stepDays: s.chain.stepDays,
        revisionDays: s.chain.revisionDays,
        regionCode: s.regionCode,
        title: s.title,
        link: s.link,
        submittedById: ctx.user.id,
        steps: {
          create: s.chain.steps.map((step, i) => ({ position: i + 1, role: step.role, scope: step.scope, label: step.label, status: i === 0 ? 'PENDING' : 'WAITING', dueOn: i === 0 ? firstDue : null })),
        },
      },
    });
    await this.audit.record(ctx, 'CREATE', 'approvals', created.id, { event: 'SUBMIT', subjectType: s.subjectType, subjectId: s.subjectId, round, chain: s.chain.key, steps: s.chain.steps.map((x) => `${x.scope}:${x.role}`) }, tx);
    return { id: created.id, round };
  }

  private async find(id: number, ctx: RequestContext): Promise<RequestRow> {
    const row = await this.db.approvalRequest.findFirst({ where: { id, ...regionFilter(ctx.user) }, include });
    if (!row) throw AppError.notFound();
    return row;
  }

  async get(id: number, ctx: RequestContext) {
    const [r] = await this.map([await this.find(id, ctx)]);
    return r;
  }

  /** Every round of a subject, oldest first, with each step's decision. */
  async history(subjectType: string, subjectId: number, ctx: RequestContext) {
    return (await this.histories(subjectType, [subjectId], ctx)).get(subjectId) ?? [];
  }

  /** The rounds of several subjects of one type in one read (a plan's adjustments), by subject id. */
  async histories(subjectType: string, subjectIds: readonly number[], ctx: RequestContext) {
    if (!this.handlers.has(subjectType)) throw AppError.notFound();
    const byId = new Map<number, ApprovalRound[]>(subjectIds.map((id) => [id, []]));
    if (!subjectIds.length) return byId;
    const rows = await this.db.approvalRequest.findMany({ where: { subjectType, subjectId: { in: [...subjectIds] }, ...regionFilter(ctx.user) }, include, orderBy: [{ subjectId: 'asc' }, { round: 'asc' }] });
    for (const r of await this.map(rows)) byId.get(r.subjectId)?.push(r);
    return byId;
  }

  /** The steps waiting on the caller, most urgent first. */
  async pending(query: Record<string, unknown>, ctx: RequestContext) {
    const q = parseListQuery(pendingListSpec, query);
    const where: Prisma.ApprovalStepWhereInput = { AND: [q.where as Prisma.ApprovalStepWhereInput, decidableSteps(ctx.user)] };
    const [total, steps] = await Promise.all([
      this.db.approvalStep.count({ where }),
      this.db.approvalStep.findMany({ where, include: { request: true }, orderBy: q.orderBy as Prisma.ApprovalStepOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    const names = await staffNames(this.db, steps.map((s) => s.request.submittedById));
    const today = clubToday();
    return {
      total,
      data: steps.map((s) => ({
        id: s.request.id,
        stepId: s.id,
        subjectType: s.request.subjectType,
        subjectId: s.request.subjectId,
        round: s.request.round,
        title: s.request.title,
        link: s.request.link,
        regionCode: s.request.regionCode,
        position: s.position,
        label: s.label,
        dueOn: s.dueOn ? isoDay(s.dueOn) : null,
        overdue: s.dueOn !== null && s.dueOn < today,
        submittedById: s.request.submittedById,
        submittedByName: names.get(s.request.submittedById) ?? null,
        submittedAt: s.request.submittedAt.toISOString(),
      })),
    };
  }

  approve(id: number, reason: string | null, ctx: RequestContext) {
    return this.decide(id, 'APPROVED', reason, ctx);
  }

  reject(id: number, reason: string, ctx: RequestContext) {
    return this.decide(id, 'REJECTED', reason, ctx);
  }

  private async decide(id: number, decision: ApprovalOutcome, reason: string | null, ctx: RequestContext) {
    const req = await this.find(id, ctx);
    if (req.status !== 'PENDING') throw new AppError(409, 'approvals.notPending', { status: { key: `approvals.status.${req.status}` } });
    const step = req.steps.find((s) => s.status === 'PENDING')!;
    const user = ctx.user;
    if (user.role !== step.role) throw new AppError(403, 'approvals.wrongRole', { role: { key: `approvals.role.${step.role}` } });
    const inScope = step.scope === 'GROUP' ? user.regionCode === null : user.regionCode === req.regionCode;
    if (!inScope) throw new AppError(403, 'approvals.wrongScope', { scope: { key: step.scope === 'GROUP' || req.regionCode === null ? 'approvals.scope.GROUP' : 'approvals.scope.REGION' } });
    if (req.submittedById === user.id) throw new AppError(403, 'approvals.ownSubmission');
    if (req.steps.some((s) => s.decidedById === user.id)) throw new AppError(403, 'approvals.secondStep');

    const today = clubToday();
    const next = decision === 'APPROVED' ? req.steps.find((s) => s.position === step.position + 1) : undefined;
    const nextDue = next ? await this.calendar.addWorkingDays(today, req.stepDays) : null;
    const revisionDueOn = decision === 'REJECTED' ? await this.calendar.addWorkingDays(today, req.revisionDays) : null;
    const handler = this.handlers.get(req.subjectType);
    await this.db.$transaction(async (tx) => {
      // The check and the decision are one statement: a second decision of the step finds nothing pending.
      const n = await tx.approvalStep.updateMany({ where: { id: step.id, status: 'PENDING' }, data: { status: decision, decidedById: user.id, decidedAt: new Date(), reason } });
      if (n.count !== 1) throw new AppError(409, 'approvals.notPending', { status: { key: 'approvals.status.DECIDED' } });
      if (next) {
        await tx.approvalStep.update({ where: { id: next.id }, data: { status: 'PENDING', dueOn: nextDue } });
      } else {
        if (decision === 'REJECTED') await tx.approvalStep.updateMany({ where: { requestId: req.id, status: 'WAITING' }, data: { status: 'SKIPPED' } });
        await tx.approvalRequest.update({ where: { id: req.id }, data: { status: decision, decidedAt: new Date(), revisionDueOn } });
        await handler?.decided(tx, req.subjectId, decision, { id: req.id, revisionDueOn });
      }
      await this.audit.record(
        ctx,
        'UPDATE',
        'approvals',
        req.id,
        { event: decision === 'APPROVED' ? 'APPROVE' : 'REJECT', subjectType: req.subjectType, subjectId: req.subjectId, round: req.round, step: step.position, role: step.role, reason, ...(revisionDueOn ? { revisionDueOn: isoDay(revisionDueOn) } : {}) },
        tx,
      );
    });
    return this.get(id, ctx);
  }

  /** Rounds the user submitted that were rejected and not yet resubmitted (the author's revisions). */
  openRevisions(user: CurrentUser): Prisma.ApprovalRequestWhereInput {
    return { submittedById: user.id, status: 'REJECTED', revisedAt: null, ...regionFilter(user) };
  }

  private async map(rows: RequestRow[]) {
    const names = await staffNames(this.db, rows.flatMap((r) => [r.submittedById, ...r.steps.map((s) => s.decidedById)]));
    const today = clubToday();
    return rows.map((r) => ({
      id: r.id,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      round: r.round,
      chainKey: r.chainKey,
      regionCode: r.regionCode,
      title: r.title,
      link: r.link,
      status: r.status,
      submittedById: r.submittedById,
      submittedByName: names.get(r.submittedById) ?? null,
      submittedAt: r.submittedAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      revisionDueOn: r.revisionDueOn ? isoDay(r.revisionDueOn) : null,
      revisedAt: r.revisedAt?.toISOString() ?? null,
      revisionOverdue: r.status === 'REJECTED' && !r.revisedAt && r.revisionDueOn !== null && r.revisionDueOn < today,
      steps: r.steps.map((s) => ({
        position: s.position,
        role: s.role,
        scope: s.scope,
        label: s.label,
        status: s.status,
        dueOn: s.dueOn ? isoDay(s.dueOn) : null,
        overdue: s.status === 'PENDING' && s.dueOn !== null && s.dueOn < today,
        decidedById: s.decidedById,
        decidedByName: s.decidedById ? (names.get(s.decidedById) ?? null) : null,
        decidedAt: s.decidedAt?.toISOString() ?? null,
        reason: s.reason,
      })),
    }));
  }
}
export type ApprovalRound = Awaited<ReturnType<ApprovalsService['get']>>;
