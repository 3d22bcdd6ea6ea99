import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { AuditService } from '../audit/audit.service.js';
import { clubToday } from '../calendar/calendar.service.js';
import { MaskingPolicy } from '../privacy/masking-policy.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import type { Prisma } from '../generated/prisma/client.js';
import { reissueInclude, toReissueRequest } from './card.mapper.js';
import { APPROVAL_STATUSES, REISSUE_REASONS } from './cards.schema.js';
import { CardsService } from './cards.service.js';
import { TX_OPTIONS, wrongStatus, type StaffContext } from './cards.shared.js';
import { FeesService } from './fees.service.js';

export const reissueListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    cardId: { kind: 'int' },
    reason: { kind: 'enum', values: REISSUE_REASONS },
    status: { kind: 'enum', values: APPROVAL_STATUSES },
    requestedOn: { kind: 'date', sortable: true },
  },
  // The card number, the member's name, or words of the note.
  search: (q) => ({
    OR: [{ card: { cardNo: { contains: q, mode: 'insensitive' } } }, { card: { member: { name: { contains: q } } } }, { note: { contains: q, mode: 'insensitive' } }],
  }),
  defaultSort: [{ id: 'desc' }],
};

/** M-10: requests to reissue a lost or damaged card, and their review. */
@Injectable()
export class ReissueRequestsService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(MaskingPolicy) private readonly masking: MaskingPolicy,
    @Inject(CardsService) private readonly cards: CardsService,
    @Inject(FeesService) private readonly fees: FeesService,
  ) {}

  async requestReissue(cardId: number, input: { reason: 'LOST' | 'DAMAGED'; note: string | null }, ctx: StaffContext) {
    const card = await this.cards.findCard(cardId, ctx);
    if (card.status === 'VOID') throw wrongStatus(card.status);
    const id = await this.db.$transaction(async (tx) => {
      // Lock the card so two requests for it cannot both pass the check.
      await tx.$queryRaw`SELECT id FROM cards WHERE id = ${cardId} FOR UPDATE`;
      const pending = await tx.cardReissueRequest.count({ where: { cardId, status: 'PENDING' } });
      if (pending) throw new AppError(409, 'cards.reissuePending');
      const r = await tx.cardReissueRequest.create({
        data: { cardId, reason: input.reason, note: input.note, requestedOn: clubToday(), createdById: ctx.user.id },
      });
      await this.audit.record(ctx, 'CREATE', 'card-reissue-requests', r.id, { cardId, reason: input.reason }, tx);
      return r.id;
    });
    return this.getReissue(id, ctx);
  }

  /** Region scope of reissue requests goes through the card's member. */
  private reissueRegion(ctx: StaffContext): Prisma.CardReissueRequestWhereInput {
    return ctx.user.regionCode ? { card: { member: { regionCode: ctx.user.regionCode } } } : {};
  }

  async listReissues(query: Record<string, unknown>, ctx: StaffContext) {
    const q = parseListQuery(reissueListSpec, query);
    const where = { AND: [q.where, this.reissueRegion(ctx)] } as Prisma.CardReissueRequestWhereInput;
    const [total, rows, unmasked] = await Promise.all([
      this.db.cardReissueRequest.count({ where }),
      this.db.cardReissueRequest.findMany({ where, include: reissueInclude, orderBy: q.orderBy as Prisma.CardReissueRequestOrderByWithRelationInput[], skip: q.skip, take: q.take }),
      this.masking.canUnmask(ctx.user),
    ]);
    // M-11: a request shows its member's mobile; an unmasked page is an audited read.
    if (unmasked && rows.length) await this.audit.recordRead(ctx, 'card-reissue-requests', null, { ids: rows.map((r) => r.id), cardIds: rows.map((r) => r.cardId) });
    return { total, data: rows.map((r) => toReissueRequest(r, unmasked)) };
  }

  /** A request in the caller's region (404 outside it), for checks before a change. */
  private async findReissue(id: number, ctx: StaffContext) {
    const row = await this.db.cardReissueRequest.findFirst({ where: { id, ...this.reissueRegion(ctx) }, select: { id: true, cardId: true, reason: true } });
    if (!row) throw AppError.notFound();
    return row;
  }

  async getReissue(id: number, ctx: StaffContext) {
    const [row, unmasked] = await Promise.all([
      this.db.cardReissueRequest.findFirst({ where: { id, ...this.reissueRegion(ctx) }, include: reissueInclude }),
      this.masking.canUnmask(ctx.user),
    ]);
    if (!row) throw AppError.notFound();
    if (unmasked) await this.audit.recordRead(ctx, 'card-reissue-requests', id, { cardId: row.cardId });
    return toReissueRequest(row, unmasked);
  }

  /**
   * M-10: reviewed with the same documents as a new application; the replacement fee is recorded,
   * a new number allocated and the old card made void, all in one transaction.
   */
  async approveReissue(id: number, input: { paidOn?: Date }, ctx: StaffContext) {
    const req = await this.findReissue(id, ctx);
    await this.db.$transaction(async (tx) => {
      const n = await tx.cardReissueRequest.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'APPROVED', reviewedById: ctx.user.id, reviewedAt: new Date() } });
      if (n.count === 0) throw new AppError(409, 'cards.alreadyDecided');
      const old = await tx.card.findUniqueOrThrow({ where: { id: req.cardId }, include: { member: { select: { projectId: true } } } });
      if (old.status === 'VOID') throw wrongStatus(old.status);
      const voided = await tx.card.updateMany({
        where: { id: old.id, status: { not: 'VOID' } },
        data: { status: 'VOID', voidedAt: new Date(), voidReason: req.reason === 'LOST' ? '遗失补卡' : '损坏补卡' },
      });
      if (voided.count === 0) throw wrongStatus('VOID');
      const card = await this.cards.allocateCard(tx, { memberId: old.memberId, householdId: old.householdId, projectId: old.member.projectId, replacesCardId: old.id }, ctx);
      await this.fees.recordFee(tx, { kind: 'REPLACEMENT', projectId: old.member.projectId, memberId: old.memberId, cardId: card.id, paidOn: input.paidOn ?? clubToday() }, ctx);
      await tx.cardReissueRequest.update({ where: { id }, data: { newCardId: card.id } });
      await this.audit.record(ctx, 'UPDATE', 'cards', old.id, { status: 'VOID', reissueRequestId: id, newCardId: card.id }, tx);
      await this.audit.record(ctx, 'UPDATE', 'card-reissue-requests', id, { status: 'APPROVED', newCardId: card.id }, tx);
    }, TX_OPTIONS);
    return this.getReissue(id, ctx);
  }

  async rejectReissue(id: number, note: string | null, ctx: StaffContext) {
    await this.findReissue(id, ctx);
    await this.db.$transaction(async (tx) => {
      const n = await tx.cardReissueRequest.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'REJECTED', reviewedById: ctx.user.id, reviewedAt: new Date() } });
      if (n.count === 0) throw new AppError(409, 'cards.alreadyDecided');
      await this.audit.record(ctx, 'UPDATE', 'card-reissue-requests', id, { status: 'REJECTED', note }, tx);
    });
    return this.getReissue(id, ctx);
  }
}
