import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { AuditService } from '../audit/audit.service.js';
import { clubToday } from '../calendar/calendar.service.js';
import { MaskingPolicy } from '../privacy/masking-policy.js';
import type { RequestContext } from '../auth/current-user.js';
import { projectRegionFilter, regionFilter } from '../auth/region-scope.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import { Prisma } from '../generated/prisma/client.js';
import { cardInclude, exceptionInclude, reissueInclude, toCard, toException, toIssueRecordLine, toRange, toReissueRequest, type CardRow } from './card.mapper.js';
import { APPROVAL_STATUSES, CARD_STATUSES, REISSUE_REASONS, type CardIssueInput, type CardRangeCreateInput } from './cards.schema.js';
import { FeesService } from './fees.service.js';

type Tx = Prisma.TransactionClient;
/** Who acts: the request context, or just enough of it for internal callers (seeds, benchmarks). */
type Actor = Pick<RequestContext, 'ip' | 'requestId'> & { user: { id: number; username: string; regionCode?: string | null } };

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
  search: (q) => ({ OR: [{ cardNo: { contains: q, mode: 'insensitive' } }, { member: { name: { contains: q } } }] }),
  defaultSort: [{ id: 'desc' }],
};

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

/** Interactive transactions that may queue behind others (card numbers, reissues). */
const TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 };

/** Pulls filters that go through a relation out of the query before the generic parser sees it. */
function takeInt(query: Record<string, unknown>, name: string): number | undefined {
  const raw = query[name];
  delete query[name];
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || !/^\d{1,10}$/.test(raw)) throw AppError.field(name, 'errors.badQuery');
  return Number(raw);
}

const STATUS_LABEL: Record<string, { zh: string; en: string }> = {
  IN_PRODUCTION: { zh: '制作中', en: 'in production' },
  READY: { zh: '待领取', en: 'ready' },
  ISSUED: { zh: '已发放', en: 'issued' },
  VOID: { zh: '已作废', en: 'void' },
};

function wrongStatus(status: string, lang: 'zh' | 'en' = 'zh'): AppError {
  return new AppError(409, 'cards.wrongStatus', { status: STATUS_LABEL[status]?.[lang] ?? status });
}

/** M-3, M-7, M-9, M-10: card numbers, cards, issue, reissue, card-limit exceptions. */
@Injectable()
export class CardsService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(MaskingPolicy) private readonly masking: MaskingPolicy,
    @Inject(FeesService) private readonly fees: FeesService,
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

  // ───────────────────────── number ranges (M-7) ─────────────────────────

  private async rangeWhere(ctx: RequestContext): Promise<Prisma.CardRangeWhereInput> {
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

  async listRanges(query: Record<string, unknown>, ctx: RequestContext) {
    const q = parseListQuery(rangeListSpec, query);
    const where = { AND: [q.where, await this.rangeWhere(ctx)] } as Prisma.CardRangeWhereInput;
    const [total, rows] = await Promise.all([
      this.db.cardRange.count({ where }),
      this.db.cardRange.findMany({ where, orderBy: q.orderBy as Prisma.CardRangeOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    return { total, data: await this.mapRanges(rows) };
  }

  async getRange(id: number, ctx: RequestContext) {
    const row = await this.db.cardRange.findFirst({ where: { AND: [{ id }, await this.rangeWhere(ctx)] } });
    if (!row) throw AppError.notFound();
    return (await this.mapRanges([row]))[0];
  }

  async createRange(input: CardRangeCreateInput, ctx: RequestContext) {
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

  async deactivateRange(id: number, ctx: RequestContext) {
    await this.getRange(id, ctx);
    await this.db.$transaction(async (tx) => {
      await tx.cardRange.update({ where: { id }, data: { active: false } });
      await this.audit.record(ctx, 'UPDATE', 'card-ranges', id, { active: false }, tx);
    });
    return this.getRange(id, ctx);
  }

  // ───────────────────────── cards ─────────────────────────

  private cardWhere(query: Record<string, unknown>, ctx: RequestContext, spec = cardListSpec) {
    const projectId = takeInt(query, 'projectId');
    const q = parseListQuery(spec, query);
    const where = {
      AND: [q.where, { member: { ...regionFilter(ctx.user), ...(projectId ? { projectId } : {}) } }],
    } as Prisma.CardWhereInput;
    return { q, where };
  }

  async listCards(query: Record<string, unknown>, ctx: RequestContext) {
    const { q, where } = this.cardWhere({ ...query }, ctx);
    const [total, rows] = await Promise.all([
      this.db.card.count({ where }),
      this.db.card.findMany({ where, include: cardInclude, orderBy: q.orderBy as Prisma.CardOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    const unmasked = await this.masking.canUnmask(ctx.user);
    if (unmasked && rows.length) await this.audit.record(ctx, 'READ_UNMASKED', 'cards', null, { ids: rows.map((r) => r.id) });
    return { total, data: rows.map((r) => toCard(r, unmasked)) };
  }

  private async findCard(id: number, ctx: RequestContext, db: Db | Tx = this.db): Promise<CardRow> {
    const row = await db.card.findFirst({ where: { id, member: regionFilter(ctx.user) }, include: cardInclude });
    if (!row) throw AppError.notFound();
    return row;
  }

  async getCard(id: number, ctx: RequestContext) {
    const row = await this.findCard(id, ctx);
    const unmasked = await this.masking.canUnmask(ctx.user);
    if (unmasked) await this.audit.record(ctx, 'READ_UNMASKED', 'cards', id);
    return toCard(row, unmasked);
  }

  /** Appendix 4: the lines of the issue record for the chosen cards (same filters as the list). */
  async issueRecord(query: Record<string, unknown>, ctx: RequestContext) {
    const { where } = this.cardWhere({ _start: '0', _end: '500', ...query }, ctx);
    const rows = await this.db.card.findMany({
      where,
      include: cardInclude,
      orderBy: [{ member: { projectId: 'asc' } }, { member: { buildingId: 'asc' } }, { member: { unitId: 'asc' } }, { id: 'asc' }],
      take: 500,
    });
    const unmasked = await this.masking.canUnmask(ctx.user);
    if (unmasked && rows.length) await this.audit.record(ctx, 'READ_UNMASKED', 'cards', null, { ids: rows.map((r) => r.id), view: 'issue-record' });
    return { printedOn: clubToday().toISOString().slice(0, 10), lines: rows.map((r) => toIssueRecordLine(r, unmasked)) };
  }

  /** A card for an existing member (not through an application); respects M-3. */
  async allocateForMember(memberId: number, ctx: RequestContext) {
    const member = await this.db.member.findFirst({ where: { id: memberId, ...regionFilter(ctx.user) }, select: { id: true, householdId: true, projectId: true } });
    if (!member) throw AppError.notFound();
    // Many issuances at once queue on the range row; let them wait for a connection and the lock.
    const card = await this.db.$transaction((tx) => this.allocateCard(tx, { memberId, householdId: member.householdId, projectId: member.projectId }, ctx), TX_OPTIONS);
    return this.getCard(card.id, ctx);
  }

  async ready(id: number, ownerPhoned: boolean, ctx: RequestContext) {
    await this.findCard(id, ctx);
    await this.db.$transaction((tx) => this.markReady(tx, id, ctx, { ownerPhoned }));
    return this.getCard(id, ctx);
  }

  async issueCard(id: number, input: CardIssueInput, ctx: RequestContext) {
    await this.findCard(id, ctx);
    await this.db.$transaction((tx) => this.issue(tx, id, input, ctx));
    return this.getCard(id, ctx);
  }

  // ───────────────────────── reissue (M-10) ─────────────────────────

  async requestReissue(cardId: number, input: { reason: 'LOST' | 'DAMAGED'; note: string | null }, ctx: RequestContext) {
    const card = await this.findCard(cardId, ctx);
    if (card.status === 'VOID') throw wrongStatus(card.status, ctx.lang);
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
  private reissueRegion(ctx: RequestContext): Prisma.CardReissueRequestWhereInput {
    return ctx.user.regionCode ? { card: { member: { regionCode: ctx.user.regionCode } } } : {};
  }

  async listReissues(query: Record<string, unknown>, ctx: RequestContext) {
    const q = parseListQuery(reissueListSpec, query);
    const where = { AND: [q.where, this.reissueRegion(ctx)] } as Prisma.CardReissueRequestWhereInput;
    const [total, rows, unmasked] = await Promise.all([
      this.db.cardReissueRequest.count({ where }),
      this.db.cardReissueRequest.findMany({ where, include: reissueInclude, orderBy: q.orderBy as Prisma.CardReissueRequestOrderByWithRelationInput[], skip: q.skip, take: q.take }),
      this.masking.canUnmask(ctx.user),
    ]);
    return { total, data: rows.map((r) => toReissueRequest(r, unmasked)) };
  }

  async getReissue(id: number, ctx: RequestContext) {
    const [row, unmasked] = await Promise.all([
      this.db.cardReissueRequest.findFirst({ where: { id, ...this.reissueRegion(ctx) }, include: reissueInclude }),
      this.masking.canUnmask(ctx.user),
    ]);
    if (!row) throw AppError.notFound();
    return toReissueRequest(row, unmasked);
  }

  /**
   * M-10: reviewed with the same documents as a new application; the replacement fee is recorded,
   * a new number allocated and the old card made void, all in one transaction.
   */
  async approveReissue(id: number, input: { paidOn?: Date }, ctx: RequestContext) {
    const req = await this.getReissue(id, ctx);
    await this.db.$transaction(async (tx) => {
      const n = await tx.cardReissueRequest.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'APPROVED', reviewedById: ctx.user.id, reviewedAt: new Date() } });
      if (n.count === 0) throw new AppError(409, 'cards.alreadyDecided');
      const old = await tx.card.findUniqueOrThrow({ where: { id: req.cardId }, include: { member: { select: { projectId: true } } } });
      if (old.status === 'VOID') throw wrongStatus(old.status, ctx.lang);
      const voided = await tx.card.updateMany({
        where: { id: old.id, status: { not: 'VOID' } },
        data: { status: 'VOID', voidedAt: new Date(), voidReason: req.reason === 'LOST' ? '遗失补卡' : '损坏补卡' },
      });
      if (voided.count === 0) throw wrongStatus('VOID', ctx.lang);
      const card = await this.allocateCard(tx, { memberId: old.memberId, householdId: old.householdId, projectId: old.member.projectId, replacesCardId: old.id }, ctx);
      await this.fees.recordFee(tx, { kind: 'REPLACEMENT', projectId: old.member.projectId, memberId: old.memberId, cardId: card.id, paidOn: input.paidOn ?? clubToday() }, ctx);
      await tx.cardReissueRequest.update({ where: { id }, data: { newCardId: card.id } });
      await this.audit.record(ctx, 'UPDATE', 'cards', old.id, { status: 'VOID', reissueRequestId: id, newCardId: card.id }, tx);
      await this.audit.record(ctx, 'UPDATE', 'card-reissue-requests', id, { status: 'APPROVED', newCardId: card.id }, tx);
    }, TX_OPTIONS);
    return this.getReissue(id, ctx);
  }

  async rejectReissue(id: number, note: string | null, ctx: RequestContext) {
    await this.getReissue(id, ctx);
    await this.db.$transaction(async (tx) => {
      const n = await tx.cardReissueRequest.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'REJECTED', reviewedById: ctx.user.id, reviewedAt: new Date() } });
      if (n.count === 0) throw new AppError(409, 'cards.alreadyDecided');
      await this.audit.record(ctx, 'UPDATE', 'card-reissue-requests', id, { status: 'REJECTED', note }, tx);
    });
    return this.getReissue(id, ctx);
  }

  // ───────────────────────── card-limit exceptions (M-3) ─────────────────────────

  private exceptionWhere(ctx: RequestContext): Prisma.CardLimitExceptionWhereInput {
    return { household: projectRegionFilter(ctx.user) };
  }

  async listExceptions(query: Record<string, unknown>, ctx: RequestContext) {
    const q = parseListQuery(exceptionListSpec, query);
    const where = { AND: [q.where, this.exceptionWhere(ctx)] } as Prisma.CardLimitExceptionWhereInput;
    const [total, rows] = await Promise.all([
      this.db.cardLimitException.count({ where }),
      this.db.cardLimitException.findMany({ where, include: exceptionInclude, orderBy: q.orderBy as Prisma.CardLimitExceptionOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    return { total, data: rows.map(toException) };
  }

  async getException(id: number, ctx: RequestContext) {
    const row = await this.db.cardLimitException.findFirst({ where: { id, ...this.exceptionWhere(ctx) }, include: exceptionInclude });
    if (!row) throw AppError.notFound();
    return toException(row);
  }

  /** M-3: the member officer asks for a card beyond the household's limit. */
  async requestException(input: { householdId: number; reason: string }, ctx: RequestContext) {
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
  async decideException(id: number, approve: boolean, note: string | null, ctx: RequestContext) {
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
