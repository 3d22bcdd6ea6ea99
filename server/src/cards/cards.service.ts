import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { AuditService } from '../audit/audit.service.js';
import { clubToday } from '../calendar/calendar.service.js';
import { MaskingPolicy } from '../privacy/masking-policy.js';
import { regionFilter } from '../auth/region-scope.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import type { Prisma } from '../generated/prisma/client.js';
import { cardInclude, toCard, toIssueRecordLine, type CardRow } from './card.mapper.js';
import { CARD_STATUSES, type CardIssueInput } from './cards.schema.js';
import { TX_OPTIONS, wrongStatus, type Actor, type StaffContext, type Tx } from './cards.shared.js';

export const cardListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    cardNo: { kind: 'string', sortable: true },
    status: { kind: 'enum', values: CARD_STATUSES },
    memberId: { kind: 'int' },
    householdId: { kind: 'int' },
    rangeId: { kind: 'int' },
    readyOn: { kind: 'date', sortable: true },
    issuedOn: { kind: 'date', sortable: true },
    createdAt: { kind: 'date', sortable: true },
  },
  filters: {
    projectId: { kind: 'int', doc: "the card holder's project", where: (projectId: number) => ({ member: { projectId } }) },
  },
  search: (q) => ({ OR: [{ cardNo: { contains: q, mode: 'insensitive' } }, { member: { name: { contains: q } } }] }),
  defaultSort: [{ id: 'desc' }],
};

/** M-3, M-7, M-9: card numbers, cards, readiness and issue. Ranges, reissue and exceptions have their own services. */
@Injectable()
export class CardsService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(MaskingPolicy) private readonly masking: MaskingPolicy,
  ) {}

  // ───────────────────────── contract used by other features (inside their transaction) ─────────────────────────

  /**
   * M-7: the next number of the member's project range (else a range without a project, e.g. a
   * channel), taken with a row lock so concurrent allocations never share a number; the card
   * starts IN_PRODUCTION. A member not yet counted against the household's card limit becomes a
   * card holder here (M-3: the database refuses a card over the limit → 409 cards.limitReached).
   */
  async allocateCard(
    tx: Tx,
    input: { memberId: number; householdId: number; projectId: number; replacesCardId?: number },
    ctx: Actor,
  ): Promise<{ id: number; cardNo: string }> {
    // The member row lock serialises two allocations for the same member.
    const locked = await tx.$queryRaw<{ id: number; householdId: number; cardHolder: boolean; status: string }[]>`
      SELECT id, "householdId", "cardHolder", status::text AS status FROM members WHERE id = ${input.memberId} FOR UPDATE`;
    const member = locked[0];
    if (!member || member.householdId !== input.householdId) throw AppError.notFound();
    if (member.status !== 'ACTIVE') throw new AppError(409, 'cards.memberInactive');
    if (!input.replacesCardId) {
      const holding = await tx.card.count({ where: { memberId: input.memberId, status: { not: 'VOID' } } });
      if (holding > 0) throw new AppError(409, 'cards.memberHasCard');
    }
    if (!member.cardHolder) {
      // M-3: the trigger counts the member on the household; the CHECK refuses a card over the limit.
      await tx.$executeRaw`UPDATE members SET "cardHolder" = true WHERE id = ${input.memberId}`;
    }

    const candidates = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM card_ranges
      WHERE active AND "nextNo" <= "toNo" AND ("projectId" = ${input.projectId} OR "projectId" IS NULL)
      ORDER BY ("projectId" IS NULL), id`;
    // The card's id is drawn first and the audit entry written before the number is taken, so the
    // range row stays locked only for the one statement that takes the number and inserts the card
    // (and the commit): concurrent allocations queue there and each gets its own number.
    const [{ id }] = await tx.$queryRaw<{ id: number }[]>`SELECT nextval(pg_get_serial_sequence('cards', 'id'))::int AS id`;
    await this.audit.record(ctx, 'CREATE', 'cards', id, { memberId: input.memberId, replacesCardId: input.replacesCardId ?? null }, tx);
    let card: { id: number; cardNo: string } | undefined;
    for (const c of candidates) {
      const rows = await tx.$queryRaw<{ id: number; cardNo: string }[]>`
        WITH r AS (
          UPDATE card_ranges SET "nextNo" = "nextNo" + 1
          WHERE id = ${c.id} AND active AND "nextNo" <= "toNo"
          RETURNING id, prefix || CASE WHEN length(("nextNo" - 1)::text) >= digits THEN ("nextNo" - 1)::text ELSE lpad(("nextNo" - 1)::text, digits, '0') END AS "cardNo"
        )
        INSERT INTO cards (id, "cardNo", "rangeId", "memberId", "householdId", "replacesCardId")
        SELECT ${id}::int, "cardNo", id, ${input.memberId}::int, ${input.householdId}::int, ${input.replacesCardId ?? null}::int FROM r
        RETURNING id, "cardNo"`;
      if (rows.length) {
        card = rows[0];
        break;
      }
    }
    if (!card) throw new AppError(409, 'cards.noRange');
    return card;
  }

  /** IN_PRODUCTION → READY; records that the owner was phoned (M-9). */
  async markReady(tx: Tx, cardId: number, ctx: Actor, opts: { ownerPhoned?: boolean } = {}): Promise<void> {
    const n = await tx.card.updateMany({
      where: { id: cardId, status: 'IN_PRODUCTION' },
      data: { status: 'READY', readyOn: clubToday(), ...(opts.ownerPhoned ? { ownerPhonedAt: new Date() } : {}) },
    });
    if (n.count === 0) await this.refuseStatus(tx, cardId);
    await this.audit.record(ctx, 'UPDATE', 'cards', cardId, { status: 'READY', ownerPhoned: Boolean(opts.ownerPhoned) }, tx);
  }

  /** READY → ISSUED; only with the collector's signature and ID check confirmed (M-9, appendix 4). */
  async issue(
    tx: Tx,
    cardId: number,
    input: { collectorName: string; collectorPhone?: string | null; collectorSigned: boolean; collectorIdChecked: boolean },
    ctx: Actor,
  ): Promise<void> {
    if (input.collectorSigned !== true) throw AppError.field('collectorSigned', 'cards.signatureRequired');
    if (input.collectorIdChecked !== true) throw AppError.field('collectorIdChecked', 'cards.idCheckRequired');
    if (!input.collectorName?.trim()) throw AppError.field('collectorName', 'errors.required');
    const n = await tx.card.updateMany({
      where: { id: cardId, status: 'READY' },
      data: {
        status: 'ISSUED',
        issuedOn: clubToday(),
        collectorName: input.collectorName.trim(),
        collectorPhone: input.collectorPhone ?? null,
        collectorSigned: true,
        collectorIdChecked: true,
        issuedById: ctx.user.id,
      },
    });
    if (n.count === 0) await this.refuseStatus(tx, cardId);
    await this.audit.record(ctx, 'UPDATE', 'cards', cardId, { status: 'ISSUED', collectorName: input.collectorName }, tx);
  }

  private async refuseStatus(tx: Tx, cardId: number): Promise<never> {
    const card = await tx.card.findUnique({ where: { id: cardId }, select: { status: true } });
    if (!card) throw AppError.notFound();
    throw wrongStatus(card.status);
  }

  // ───────────────────────── cards ─────────────────────────

  private cardWhere(query: Record<string, unknown>, ctx: StaffContext, spec = cardListSpec) {
    const q = parseListQuery(spec, query);
    const where = { AND: [q.where, { member: regionFilter(ctx.user) }] } as Prisma.CardWhereInput;
    return { q, where };
  }

  async listCards(query: Record<string, unknown>, ctx: StaffContext) {
    const { q, where } = this.cardWhere({ ...query }, ctx);
    const [total, rows] = await Promise.all([
      this.db.card.count({ where }),
      this.db.card.findMany({ where, include: cardInclude, orderBy: q.orderBy as Prisma.CardOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    const unmasked = await this.masking.canUnmask(ctx.user);
    if (unmasked && rows.length) await this.audit.recordRead(ctx, 'cards', null, { ids: rows.map((r) => r.id) });
    return { total, data: rows.map((r) => toCard(r, unmasked)) };
  }

  /** A card in the caller's region (404 outside it), with what its responses show. */
  async findCard(id: number, ctx: StaffContext, db: Db | Tx = this.db): Promise<CardRow> {
    const row = await db.card.findFirst({ where: { id, member: regionFilter(ctx.user) }, include: cardInclude });
    if (!row) throw AppError.notFound();
    return row;
  }

  async getCard(id: number, ctx: StaffContext) {
    const row = await this.findCard(id, ctx);
    const unmasked = await this.masking.canUnmask(ctx.user);
    if (unmasked) await this.audit.recordRead(ctx, 'cards', id);
    return toCard(row, unmasked);
  }

  /** Appendix 4: the lines of the issue record for the chosen cards (same filters as the list). */
  async issueRecord(query: Record<string, unknown>, ctx: StaffContext) {
    const { where } = this.cardWhere({ _start: '0', _end: '500', ...query }, ctx);
    const rows = await this.db.card.findMany({
      where,
      include: cardInclude,
      orderBy: [{ member: { projectId: 'asc' } }, { member: { buildingId: 'asc' } }, { member: { unitId: 'asc' } }, { id: 'asc' }],
      take: 500,
    });
    const unmasked = await this.masking.canUnmask(ctx.user);
    if (unmasked && rows.length) await this.audit.recordRead(ctx, 'cards', null, { ids: rows.map((r) => r.id), view: 'issue-record' });
    return { printedOn: clubToday().toISOString().slice(0, 10), lines: rows.map((r) => toIssueRecordLine(r, unmasked)) };
  }

  /** A card for an existing member (not through an application); respects M-3. */
  async allocateForMember(memberId: number, ctx: StaffContext) {
    const member = await this.db.member.findFirst({ where: { id: memberId, ...regionFilter(ctx.user) }, select: { id: true, householdId: true, projectId: true } });
    if (!member) throw AppError.notFound();
    // Many issuances at once queue on the range row; let them wait for a connection and the lock.
    const card = await this.db.$transaction((tx) => this.allocateCard(tx, { memberId, householdId: member.householdId, projectId: member.projectId }, ctx), TX_OPTIONS);
    return this.getCard(card.id, ctx);
  }

  async ready(id: number, ownerPhoned: boolean, ctx: StaffContext) {
    await this.findCard(id, ctx);
    await this.db.$transaction((tx) => this.markReady(tx, id, ctx, { ownerPhoned }));
    return this.getCard(id, ctx);
  }

  async issueCard(id: number, input: CardIssueInput, ctx: StaffContext) {
    await this.findCard(id, ctx);
    await this.db.$transaction((tx) => this.issue(tx, id, input, ctx));
    return this.getCard(id, ctx);
  }
}
