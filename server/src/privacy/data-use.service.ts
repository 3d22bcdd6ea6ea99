import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { CurrentUser, RequestContext } from '../auth/current-user.js';
import { AppError } from '../common/app-error.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import type { DataUseRequest, Prisma } from '../generated/prisma/client.js';
import type { Role } from '../generated/prisma/enums.js';
import type { DataUseRequestInput, DecisionInput } from './data-use.schema.js';
import { MaskingPolicy } from './masking-policy.js';

const DAY_MS = 86_400_000;

/** M-11: the club's own staff; a request of theirs needs the club manager only. */
export const CLUB_STAFF_ROLES: readonly Role[] = ['club_manager', 'member_officer', 'activity_officer', 'editor', 'merchant_officer'];

/** M-11: the division leader reads member data freely and never needs a request. */
export function requesterKindOf(role: Role): 'CLUB_STAFF' | 'OUTSIDE' | null {
  if (role === 'division_leader') return null;
  return CLUB_STAFF_ROLES.includes(role) ? 'CLUB_STAFF' : 'OUTSIDE';
}

export const dataUseListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    requestNo: { kind: 'string', sortable: true },
    status: { kind: 'enum', values: ['PENDING', 'APPROVED', 'REJECTED'], sortable: true },
    requesterKind: { kind: 'enum', values: ['CLUB_STAFF', 'OUTSIDE'] },
    requesterId: { kind: 'int' },
    department: { kind: 'string' },
    allowExport: { kind: 'bool' },
    createdAt: { kind: 'date', sortable: true },
    validUntil: { kind: 'date', sortable: true },
  },
  filters: {
    mine: { kind: 'bool', doc: "only the caller's own requests", where: (v: boolean, ctx: RequestContext) => (v ? { requesterId: ctx.user.id } : {}) },
  },
  search: (q) => ({ OR: [{ requestNo: { contains: q, mode: 'insensitive' } }, { purpose: { contains: q, mode: 'insensitive' } }, { department: { contains: q, mode: 'insensitive' } }] }),
  defaultSort: [{ createdAt: 'desc' }, { id: 'desc' }],
};

type Staff = { id: number; username: string; displayName: string; role: Role };

function isApprover(user: CurrentUser): boolean {
  return user.permissions.includes('data-use:approve-manager') || user.permissions.includes('data-use:approve-leader');
}

@Injectable()
export class DataUseService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(MaskingPolicy) private readonly masking: MaskingPolicy,
  ) {}

  async create(input: DataUseRequestInput, ctx: RequestContext) {
    const kind = requesterKindOf(ctx.user.role);
    if (!kind) throw new AppError(409, 'privacy.readsFreely');
    const row = await this.db.$transaction(async (tx) => {
      const now = new Date();
      const created = await tx.dataUseRequest.create({
        data: {
          requestNo: `tmp-${randomBytes(6).toString('hex')}`,
          requesterId: ctx.user.id,
          requesterKind: kind,
          department: input.department,
          informationKinds: [...new Set(input.informationKinds)],
          purpose: input.purpose,
          allowExport: input.allowExport ?? false,
          minutesRef: input.minutesRef,
          // While pending, validFrom is empty and validUntil − createdAt holds the validity asked
          // for; approval restarts it from the moment of approval.
          validUntil: new Date(now.getTime() + input.validDays * DAY_MS),
          createdAt: now,
        },
      });
      const requestNo = `XS${now.getUTCFullYear()}-${String(created.id).padStart(5, '0')}`;
      const row = await tx.dataUseRequest.update({ where: { id: created.id }, data: { requestNo } });
      await this.audit.record(ctx, 'CREATE', 'data-use-requests', row.id, { requestNo, requesterKind: kind, informationKinds: row.informationKinds, allowExport: row.allowExport }, tx);
      return row;
    });
    return this.get(row.id, ctx);
  }

  private visibleTo(user: CurrentUser): Prisma.DataUseRequestWhereInput {
    return isApprover(user) ? {} : { requesterId: user.id };
  }

  async list(query: Record<string, unknown>, ctx: RequestContext) {
    const q = parseListQuery(dataUseListSpec, query, ctx);
    const where = { AND: [q.where, this.visibleTo(ctx.user)] } as Prisma.DataUseRequestWhereInput;
    const [total, rows] = await Promise.all([
      this.db.dataUseRequest.count({ where }),
      this.db.dataUseRequest.findMany({ where, orderBy: q.orderBy as Prisma.DataUseRequestOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    const staff = await this.staff(rows);
    return { total, data: rows.map((r) => this.toResponse(r, staff, ctx.user)) };
  }

  async get(id: number, ctx: RequestContext) {
    const row = await this.db.dataUseRequest.findFirst({ where: { id, ...this.visibleTo(ctx.user) } });
    if (!row) throw AppError.notFound();
    return this.toResponse(row, await this.staff([row]), ctx.user);
  }

  /**
   * M-11 approval chain: club staff need the club manager; people outside the club need the club
   * manager and the division leader, in either order. Nobody decides on their own request. The
   * row is locked so two approvers deciding at once cannot both miss the final approval.
   */
  async decide(id: number, approve: boolean, input: DecisionInput, ctx: RequestContext) {
    const user = ctx.user;
    if (!isApprover(user)) throw AppError.forbidden();
    if (!approve && !input.note) throw AppError.field('note', 'privacy.noteRequired');
    const requesterId = await this.db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM data_use_requests WHERE id = ${id} FOR UPDATE`;
      if (!locked.length) throw AppError.notFound();
      const row = await tx.dataUseRequest.findUniqueOrThrow({ where: { id } });
      if (row.requesterId === user.id) throw new AppError(403, 'privacy.selfApproval');
      if (row.status !== 'PENDING') throw new AppError(409, 'privacy.notPending');
      const asManager = user.permissions.includes('data-use:approve-manager');
      const asLeader = user.permissions.includes('data-use:approve-leader');
      let step: 'manager' | 'leader';
      if (asManager && row.managerDecisionById === null) step = 'manager';
      else if (asLeader && row.requesterKind === 'OUTSIDE' && row.leaderDecisionById === null) step = 'leader';
      else if (asLeader && row.requesterKind === 'CLUB_STAFF') throw new AppError(409, 'privacy.notYourStep');
      else throw new AppError(409, 'privacy.alreadyDecided');

      const now = new Date();
      const data: Prisma.DataUseRequestUpdateInput =
        step === 'manager' ? { managerDecisionById: user.id, managerDecisionAt: now } : { leaderDecisionById: user.id, leaderDecisionAt: now };
      if (input.note) data.decisionNote = input.note;
      if (!approve) {
        data.status = 'REJECTED';
      } else {
        const managerDone = step === 'manager' || row.managerDecisionById !== null;
        const leaderDone = row.requesterKind === 'CLUB_STAFF' || step === 'leader' || row.leaderDecisionById !== null;
        if (managerDone && leaderDone) {
          const duration = row.validUntil!.getTime() - row.createdAt.getTime();
          data.status = 'APPROVED';
          data.validFrom = now;
          data.validUntil = new Date(now.getTime() + duration);
        }
      }
      const updated = await tx.dataUseRequest.update({ where: { id }, data });
      await this.audit.record(ctx, 'UPDATE', 'data-use-requests', id, { step, decision: approve ? 'APPROVED' : 'REJECTED', status: updated.status, note: input.note }, tx);
      return row.requesterId;
    });
    this.masking.invalidate(requesterId);
    return this.get(id, ctx);
  }

  private async staff(rows: DataUseRequest[]): Promise<Map<number, Staff>> {
    const ids = new Set<number>();
    for (const r of rows) for (const v of [r.requesterId, r.managerDecisionById, r.leaderDecisionById]) if (v !== null) ids.add(v);
    const users = await this.db.staffUser.findMany({ where: { id: { in: [...ids] } }, select: { id: true, username: true, displayName: true, role: true } });
    return new Map(users.map((u) => [u.id, u]));
  }

  private toResponse(r: DataUseRequest, staff: Map<number, Staff>, viewer: CurrentUser) {
    const person = (id: number | null) => {
      if (id === null) return null;
      const s = staff.get(id);
      return { id, name: s?.displayName ?? null, username: s?.username ?? null, role: s?.role ?? null };
    };
    const now = Date.now();
    const approved = r.status === 'APPROVED' && r.validFrom !== null;
    const validDays = Math.round((r.validUntil!.getTime() - (r.validFrom ?? r.createdAt).getTime()) / DAY_MS);
    const needs: ('manager' | 'leader')[] = r.requesterKind === 'OUTSIDE' ? ['manager', 'leader'] : ['manager'];
    const pendingSteps = r.status !== 'PENDING' ? [] : needs.filter((s) => (s === 'manager' ? r.managerDecisionById === null : r.leaderDecisionById === null));
    const canDecide =
      r.status === 'PENDING' &&
      r.requesterId !== viewer.id &&
      ((pendingSteps.includes('manager') && viewer.permissions.includes('data-use:approve-manager')) ||
        (pendingSteps.includes('leader') && viewer.permissions.includes('data-use:approve-leader')));
    return {
      id: r.id,
      requestNo: r.requestNo,
      requester: person(r.requesterId),
      requesterId: r.requesterId,
      requesterKind: r.requesterKind,
      department: r.department,
      informationKinds: r.informationKinds,
      purpose: r.purpose,
      allowExport: r.allowExport,
      minutesRef: r.minutesRef,
      validDays,
      validFrom: approved ? r.validFrom!.toISOString() : null,
      validUntil: approved ? r.validUntil!.toISOString() : null,
      status: r.status,
      /** Approved and within its validity now. */
      active: approved && r.validFrom!.getTime() <= now && r.validUntil!.getTime() > now,
      expired: approved && r.validUntil!.getTime() <= now,
      needs,
      pendingSteps,
      canDecide,
      managerDecisionBy: person(r.managerDecisionById),
      managerDecisionAt: r.managerDecisionAt?.toISOString() ?? null,
      leaderDecisionBy: person(r.leaderDecisionById),
      leaderDecisionAt: r.leaderDecisionAt?.toISOString() ?? null,
      decisionNote: r.decisionNote,
      createdAt: r.createdAt.toISOString(),
    };
  }
}
