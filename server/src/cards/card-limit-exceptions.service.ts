import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { AuditService } from '../audit/audit.service.js';
import { projectRegionFilter } from '../auth/region-scope.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import { Prisma } from '../generated/prisma/client.js';
import { exceptionInclude, toException } from './card.mapper.js';
import { APPROVAL_STATUSES } from './cards.schema.js';
import type { StaffContext } from './cards.shared.js';

export const exceptionListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    householdId: { kind: 'int' },
    status: { kind: 'enum', values: APPROVAL_STATUSES },
    requestedAt: { kind: 'date', sortable: true },
  },
  // An owner's or member's name in the household, or words of the reason.
  search: (q) => ({
    OR: [
      { household: { owners: { some: { name: { contains: q } } } } },
      { household: { members: { some: { name: { contains: q } } } } },
      { reason: { contains: q, mode: 'insensitive' } },
    ],
  }),
  defaultSort: [{ id: 'desc' }],
};

/** M-3: exceptions to a household's card limit, approved by both the club manager and the division leader. */
@Injectable()
export class CardLimitExceptionsService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  private exceptionWhere(ctx: StaffContext): Prisma.CardLimitExceptionWhereInput {
    return { household: projectRegionFilter(ctx.user) };
  }

  async listExceptions(query: Record<string, unknown>, ctx: StaffContext) {
    const q = parseListQuery(exceptionListSpec, query);
    const where = { AND: [q.where, this.exceptionWhere(ctx)] } as Prisma.CardLimitExceptionWhereInput;
    const [total, rows] = await Promise.all([
      this.db.cardLimitException.count({ where }),
      this.db.cardLimitException.findMany({ where, include: exceptionInclude, orderBy: q.orderBy as Prisma.CardLimitExceptionOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    return { total, data: rows.map(toException) };
  }

  async getException(id: number, ctx: StaffContext) {
    const row = await this.db.cardLimitException.findFirst({ where: { id, ...this.exceptionWhere(ctx) }, include: exceptionInclude });
    if (!row) throw AppError.notFound();
    return toException(row);
  }

  /** M-3: the member officer asks for a card beyond the household's limit. */
  async requestException(input: { householdId: number; reason: string }, ctx: StaffContext) {
    const household = await this.db.household.findFirst({ where: { id: input.householdId, ...projectRegionFilter(ctx.user) }, select: { id: true } });
    if (!household) throw AppError.field('householdId', 'cards.householdNotFound');
    const id = await this.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM households WHERE id = ${input.householdId} FOR UPDATE`;
      const pending = await tx.cardLimitException.count({ where: { householdId: input.householdId, status: 'PENDING' } });
      if (pending) throw new AppError(409, 'cards.exceptionPending');
      const e = await tx.cardLimitException.create({ data: { householdId: input.householdId, reason: input.reason, requestedById: ctx.user.id } });
      await this.audit.record(ctx, 'CREATE', 'card-limit-exceptions', e.id, { householdId: input.householdId }, tx);
      return e.id;
    });
    return this.getException(id, ctx);
  }

  /**
   * M-3: the club manager and the division leader each decide with their own permission. When
   * both have approved, the exception is APPROVED and the household's limit rises by one, in the
   * same statement order for both, so simultaneous decisions still end in exactly one raise.
   */
  async decideException(id: number, approve: boolean, note: string | null, ctx: StaffContext) {
    // Either approver may decide (M-3); the role decides which half of the approval is recorded.
    const role = ctx.user.permissions.includes('card-exceptions:approve-manager')
      ? 'manager'
      : ctx.user.permissions.includes('card-exceptions:approve-leader')
        ? 'leader'
        : null;
    if (!role) throw AppError.forbidden();
    await this.getException(id, ctx);
    const [mine, other] = role === 'manager' ? ['manager', 'leader'] : ['leader', 'manager'];
    const by = Prisma.raw(`"${mine}DecisionById"`);
    const at = Prisma.raw(`"${mine}DecisionAt"`);
    const otherBy = Prisma.raw(`"${other}DecisionById"`);
    await this.db.$transaction(async (tx) => {
      const label = role === 'manager' ? '客户会经理' : '分管领导';
      const noteText = note ? `${label}：${note}` : approve ? null : `${label}驳回`;
      // Approved once both have approved; rejected by either. Conditional, so two clicks cannot both count.
      const rows = await tx.$queryRaw<{ status: string; householdId: number }[]>`
        UPDATE card_limit_exceptions SET ${by} = ${ctx.user.id}, ${at} = now(),
          status = (CASE WHEN NOT ${approve} THEN 'REJECTED' WHEN ${otherBy} IS NOT NULL THEN 'APPROVED' ELSE 'PENDING' END)::"ApprovalStatus",
          "decisionNote" = COALESCE(${noteText}, "decisionNote")
        WHERE id = ${id} AND status = 'PENDING' AND ${by} IS NULL
        RETURNING status::text AS status, "householdId"`;
      if (!rows.length) {
        const cur = await tx.cardLimitException.findUniqueOrThrow({ where: { id } });
        throw new AppError(409, cur.status === 'PENDING' ? 'cards.alreadyYourDecision' : 'cards.alreadyDecided');
      }
      if (rows[0].status === 'APPROVED') {
        await tx.household.update({ where: { id: rows[0].householdId }, data: { cardLimit: { increment: 1 } } });
      }
      await this.audit.record(ctx, 'UPDATE', 'card-limit-exceptions', id, { decision: approve ? 'APPROVE' : 'REJECT', role, status: rows[0].status, note }, tx);
    });
    return this.getException(id, ctx);
  }
}
