import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/current-user.js';
import { regionFilter } from '../auth/region-scope.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import type { Prisma } from '../generated/prisma/client.js';
import { MaskingPolicy } from '../privacy/masking-policy.js';
import { isPersonalField, maskHistoryValue } from './member-history.js';

export const memberHistoryListSpec: ListSpec = {
  fields: {
    field: { kind: 'string' },
    changedAt: { kind: 'date', sortable: true },
    changedById: { kind: 'int' },
    changeRequestId: { kind: 'int' },
  },
  defaultSort: [{ changedAt: 'desc' }, { id: 'desc' }],
  defaultPageSize: 20,
  maxPageSize: 200,
};

/** M-11: who changed what on a member, and when; personal values masked unless allowed. */
@Injectable()
export class MemberHistoryService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(MaskingPolicy) private readonly masking: MaskingPolicy,
  ) {}

  async list(memberId: number, query: Record<string, unknown>, ctx: RequestContext) {
    const member = await this.db.member.findFirst({ where: { id: memberId, ...regionFilter(ctx.user) }, select: { id: true } });
    if (!member) throw AppError.notFound();
    const q = parseListQuery(memberHistoryListSpec, query);
    const where = { AND: [q.where, { memberId }] } as Prisma.MemberChangeWhereInput;
    const [total, rows] = await Promise.all([
      this.db.memberChange.count({ where }),
      this.db.memberChange.findMany({ where, orderBy: q.orderBy as Prisma.MemberChangeOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    const staffIds = [...new Set(rows.map((r) => r.changedById))];
    const staff = staffIds.length ? await this.db.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, username: true, displayName: true } }) : [];
    const names = new Map(staff.map((s) => [s.id, s]));
    const unmasked = await this.masking.canUnmask(ctx.user);
    const personal = rows.filter((r) => isPersonalField(r.field));
    if (unmasked && personal.length) {
      await this.audit.record(ctx, 'READ_UNMASKED', 'member-history', memberId, { ids: personal.map((r) => String(r.id)), fields: [...new Set(personal.map((r) => r.field))] });
    }
    return {
      total,
      data: rows.map((r) => ({
        id: String(r.id),
        memberId: r.memberId,
        field: r.field,
        oldValue: maskHistoryValue(r.field, r.oldValue, unmasked),
        newValue: maskHistoryValue(r.field, r.newValue, unmasked),
        masked: !unmasked && isPersonalField(r.field),
        changedAt: r.changedAt.toISOString(),
        changedById: r.changedById,
        changedByName: names.get(r.changedById)?.displayName ?? null,
        changedByUsername: names.get(r.changedById)?.username ?? null,
        changeRequestId: r.changeRequestId,
      })),
    };
  }
}
