import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { AuditService } from '../audit/audit.service.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import type { Prisma } from '../generated/prisma/client.js';
import { toRange } from './card.mapper.js';
import type { CardRangeCreateInput } from './cards.schema.js';
import type { StaffContext } from './cards.shared.js';

export const rangeListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    prefix: { kind: 'string', sortable: true },
    projectId: { kind: 'int', sortable: true },
    channel: { kind: 'string' },
    active: { kind: 'bool' },
    createdAt: { kind: 'date', sortable: true },
  },
  search: (q) => ({ OR: [{ prefix: { contains: q, mode: 'insensitive' } }, { channel: { contains: q } }] }),
  defaultSort: [{ id: 'desc' }],
};

/** M-7: the number ranges cards are numbered from (the numbers themselves are taken by CardsService.allocateCard). */
@Injectable()
export class CardRangesService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  private async rangeWhere(ctx: StaffContext): Promise<Prisma.CardRangeWhereInput> {
    // A regional club sees its projects' ranges and the group's channel ranges.
    if (!ctx.user.regionCode) return {};
    const projects = await this.db.project.findMany({ where: { regionCode: ctx.user.regionCode }, select: { id: true } });
    return { OR: [{ projectId: null }, { projectId: { in: projects.map((p) => p.id) } }] };
  }

  private async mapRanges(rows: Prisma.CardRangeGetPayload<object>[]) {
    const ids = [...new Set(rows.flatMap((r) => (r.projectId ? [r.projectId] : [])))];
    const projects = await this.db.project.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    const name = new Map(projects.map((p) => [p.id, p.name]));
    return rows.map((r) => toRange(r, r.projectId ? (name.get(r.projectId) ?? null) : null));
  }

  async listRanges(query: Record<string, unknown>, ctx: StaffContext) {
    const q = parseListQuery(rangeListSpec, query);
    const where = { AND: [q.where, await this.rangeWhere(ctx)] } as Prisma.CardRangeWhereInput;
    const [total, rows] = await Promise.all([
      this.db.cardRange.count({ where }),
      this.db.cardRange.findMany({ where, orderBy: q.orderBy as Prisma.CardRangeOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    return { total, data: await this.mapRanges(rows) };
  }

  async getRange(id: number, ctx: StaffContext) {
    const row = await this.db.cardRange.findFirst({ where: { AND: [{ id }, await this.rangeWhere(ctx)] } });
    if (!row) throw AppError.notFound();
    return (await this.mapRanges([row]))[0];
  }

  async createRange(input: CardRangeCreateInput, ctx: StaffContext) {
    if (input.projectId) {
      const project = await this.db.project.findFirst({ where: { id: input.projectId, ...(ctx.user.regionCode ? { regionCode: ctx.user.regionCode } : {}) } });
      if (!project) throw AppError.field('projectId', 'cards.projectNotFound');
    }
    const prefix = input.prefix.toUpperCase();
    const id = await this.db.$transaction(async (tx) => {
      // Ranges of one prefix are checked one at a time, so two overlapping ranges cannot both pass.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('card_ranges'), hashtext(${prefix}))`;
      const overlap = await tx.cardRange.count({ where: { prefix, fromNo: { lte: input.toNo }, toNo: { gte: input.fromNo } } });
      if (overlap) throw AppError.field('fromNo', 'cards.rangeOverlap');
      const r = await tx.cardRange.create({
        data: {
          prefix,
          fromNo: input.fromNo,
          toNo: input.toNo,
          nextNo: input.fromNo,
          digits: input.digits,
          projectId: input.projectId ?? null,
          channel: input.channel,
          createdById: ctx.user.id,
        },
      });
      await this.audit.record(ctx, 'CREATE', 'card-ranges', r.id, { prefix, fromNo: input.fromNo, toNo: input.toNo }, tx);
      return r.id;
    });
    return this.getRange(id, ctx);
  }

  async deactivateRange(id: number, ctx: StaffContext) {
    await this.getRange(id, ctx);
    await this.db.$transaction(async (tx) => {
      await tx.cardRange.update({ where: { id }, data: { active: false } });
      await this.audit.record(ctx, 'UPDATE', 'card-ranges', id, { active: false }, tx);
    });
    return this.getRange(id, ctx);
  }
}
