import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { validate } from '../common/validation.js';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/current-user.js';
import { regionFilter } from '../auth/region-scope.js';
import { CalendarService, clubToday } from '../calendar/calendar.service.js';
import { isoDay } from '../calendar/working-days.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import type { Prisma } from '../generated/prisma/client.js';
import { MemberUpdateInput } from '../members/member.schema.js';
import { MembersService } from '../members/members.service.js';
import { MaskingPolicy } from '../privacy/masking-policy.js';
import { SettingsService } from '../settings/settings.service.js';
import { CHANGE_STATUSES, CHANNELS, toStoredChanges, type ChangeRequestInput } from './change-request.schema.js';
import { isPersonalField, maskHistoryValue } from './member-history.js';
import { unitLabel } from '../members/member.mapper.js';
import { staffNames } from '../auth/staff-names.js';

export const changeRequestListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    memberId: { kind: 'int' },
    channel: { kind: 'enum', values: CHANNELS },
    status: { kind: 'enum', values: CHANGE_STATUSES },
    receivedOn: { kind: 'date', sortable: true },
    dueOn: { kind: 'date', sortable: true },
    createdAt: { kind: 'date', sortable: true },
  },
  filters: {
    overdue: {
      kind: 'bool',
      doc: 'open and past its deadline (true) or not (false)',
      where: (v: boolean) => {
        const late: Prisma.ChangeRequestWhereInput = { status: 'OPEN', dueOn: { lt: clubToday() } };
        return v ? late : { NOT: late };
      },
    },
  },
  search: (q) => ({
    OR: [{ description: { contains: q, mode: 'insensitive' } }, { member: { name: { contains: q, mode: 'insensitive' } } }, { member: { pinyin: { contains: q, mode: 'insensitive' } } }],
  }),
  defaultSort: [{ receivedOn: 'desc' }, { id: 'desc' }],
};

const include = {
  member: { select: { name: true, regionCode: true, building: { select: { name: true } }, unit: { select: { number: true } }, project: { select: { name: true } } } },
} satisfies Prisma.ChangeRequestInclude;
type Row = Prisma.ChangeRequestGetPayload<{ include: typeof include }>;

@Injectable()
export class ChangeRequestsService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CalendarService) private readonly calendar: CalendarService,
    @Inject(MembersService) private readonly members: MembersService,
    @Inject(MaskingPolicy) private readonly masking: MaskingPolicy,
    @Inject(SettingsService) private readonly settings: SettingsService,
  ) {}

  private scope(ctx: RequestContext): Prisma.ChangeRequestWhereInput {
    return ctx.user.regionCode ? { member: regionFilter(ctx.user) } : {};
  }

  async create(input: ChangeRequestInput, ctx: RequestContext) {
    const member = await this.db.member.findFirst({ where: { id: input.memberId, ...regionFilter(ctx.user) }, select: { id: true } });
    if (!member) throw AppError.field('memberId', 'records.memberNotFound');
    if (input.receivedOn > clubToday()) throw AppError.field('receivedOn', 'errors.futureDate');
    const changes = toStoredChanges(input.changes ?? {}) as Prisma.InputJsonObject;
    const dueOn = await this.calendar.addWorkingDays(input.receivedOn, (await this.settings.get()).changeRequestDays);
    const created = await this.db.$transaction(async (tx) => {
      const row = await tx.changeRequest.create({
        data: { memberId: input.memberId, channel: input.channel, receivedOn: input.receivedOn, dueOn, description: input.description, changes, createdById: ctx.user.id },
      });
      await this.audit.record(ctx, 'CREATE', 'change-requests', row.id, { memberId: input.memberId, channel: input.channel, fields: Object.keys(changes) }, tx);
      return row;
    });
    return this.get(created.id, ctx);
  }

  async list(query: Record<string, unknown>, ctx: RequestContext) {
    const q = parseListQuery(changeRequestListSpec, query);
    const where: Prisma.ChangeRequestWhereInput = { AND: [q.where as Prisma.ChangeRequestWhereInput, this.scope(ctx)] };
    const [total, rows] = await Promise.all([
      this.db.changeRequest.count({ where }),
      this.db.changeRequest.findMany({ where, include, orderBy: q.orderBy as Prisma.ChangeRequestOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    return { total, data: await this.map(rows, ctx) };
  }

  private async find(id: number, ctx: RequestContext): Promise<Row> {
    const row = await this.db.changeRequest.findFirst({ where: { id, ...this.scope(ctx) }, include });
    if (!row) throw AppError.notFound();
    return row;
  }

  async get(id: number, ctx: RequestContext) {
    const [item] = await this.map([await this.find(id, ctx)], ctx);
    return item;
  }

  /** Applies the requested changes through MembersService.update (so M-2 still holds). */
  async apply(id: number, ctx: RequestContext) {
    const cr = await this.find(id, ctx);
    if (cr.status !== 'OPEN') throw new AppError(409, 'records.notOpen', { status: cr.status });
    const input = validate(MemberUpdateInput, cr.changes);
    const markApplied = async (tx: Prisma.TransactionClient) => {
      // The status check and the change are one statement: a second apply finds nothing OPEN.
      const n = await tx.changeRequest.updateMany({ where: { id, status: 'OPEN' }, data: { status: 'APPLIED', handledById: ctx.user.id, handledAt: new Date() } });
      if (n.count !== 1) throw new AppError(409, 'records.notOpen', { status: 'APPLIED' });
      await this.audit.record(ctx, 'UPDATE', 'change-requests', id, { event: 'APPLY', fields: Object.keys(input) }, tx);
    };
    if (Object.keys(input).length) await this.members.update(cr.memberId, input, ctx, { changeRequestId: id, within: markApplied });
    else await this.db.$transaction(markApplied);
    return this.get(id, ctx);
  }

  async reject(id: number, reason: string, ctx: RequestContext) {
    await this.find(id, ctx);
    await this.db.$transaction(async (tx) => {
      const n = await tx.changeRequest.updateMany({ where: { id, status: 'OPEN' }, data: { status: 'REJECTED', rejectReason: reason, handledById: ctx.user.id, handledAt: new Date() } });
      if (n.count !== 1) {
        const now = await tx.changeRequest.findUniqueOrThrow({ where: { id }, select: { status: true } });
        throw new AppError(409, 'records.notOpen', { status: now.status });
      }
      await this.audit.record(ctx, 'UPDATE', 'change-requests', id, { event: 'REJECT', reason }, tx);
    });
    return this.get(id, ctx);
  }

  private async map(rows: Row[], ctx: RequestContext) {
    const today = clubToday();
    const names = await staffNames(this.db, rows.flatMap((r) => [r.createdById, r.handledById]));
    const unmasked = await this.masking.canUnmask(ctx.user);
    const personal = rows.filter((r) => Object.keys(r.changes as object).some(isPersonalField)).map((r) => r.id);
    if (unmasked && personal.length) await this.audit.record(ctx, 'READ_UNMASKED', 'change-requests', null, { ids: personal });
    return rows.map((r) => {
      const changes = Object.fromEntries(
        Object.entries(r.changes as Record<string, unknown>).map(([k, v]) => {
          if (!isPersonalField(k) || unmasked) return [k, v];
          if (k === 'familyMembers' && Array.isArray(v)) return [k, v.map((f) => ({ ...f, birthDate: maskHistoryValue('birthDate', f?.birthDate ?? null, false) }))];
          return [k, maskHistoryValue(k, typeof v === 'string' ? v : null, false)];
        }),
      );
      return {
        id: r.id,
        memberId: r.memberId,
        memberName: r.member.name,
        projectName: r.member.project.name,
        unitLabel: unitLabel(r.member.building.name, r.member.unit.number),
        regionCode: r.member.regionCode,
        channel: r.channel,
        receivedOn: isoDay(r.receivedOn),
        dueOn: isoDay(r.dueOn),
        description: r.description,
        changes,
        status: r.status,
        overdue: r.status === 'OPEN' && r.dueOn < today,
        /** Applied or rejected after the due day. */
        late: r.handledAt !== null && clubToday(r.handledAt) > r.dueOn,
        rejectReason: r.rejectReason,
        createdById: r.createdById,
        createdByName: names.get(r.createdById) ?? null,
        createdAt: r.createdAt.toISOString(),
        handledById: r.handledById,
        handledByName: r.handledById ? (names.get(r.handledById) ?? null) : null,
        handledAt: r.handledAt?.toISOString() ?? null,
        masked: !unmasked,
      };
    });
  }
}
