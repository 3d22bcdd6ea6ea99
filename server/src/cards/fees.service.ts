import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { AuditService } from '../audit/audit.service.js';
import { clubToday } from '../calendar/calendar.service.js';
import type { Actor, StaffContext, Tx } from './cards.shared.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import type { Prisma } from '../generated/prisma/client.js';
import { day } from '../members/member.mapper.js';
import { FEE_KINDS } from './cards.schema.js';
import { SettingsService } from '../settings/settings.service.js';
import { nextYearlyNumber } from '../database/yearly-number.js';
import { staffNames } from '../auth/staff-names.js';

export interface FeeInput {
  kind: 'NEW_CARD' | 'REPLACEMENT';
  projectId: number;
  memberId?: number | null;
  applicationId?: number | null;
  cardId?: number | null;
  paidOn: Date;
}

export const feeListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    receiptNo: { kind: 'string', sortable: true },
    kind: { kind: 'enum', values: FEE_KINDS },
    projectId: { kind: 'int', sortable: true },
    applicationId: { kind: 'int' },
    waived: { kind: 'bool' },
    paidOn: { kind: 'date', sortable: true },
    createdAt: { kind: 'date', sortable: true },
  },
  filters: {
    // A fee paid with an application belongs to the member and card the application became.
    memberId: {
      kind: 'int',
      doc: "the member's fees, including those paid with the application that made them a member",
      where: (memberId: number) => ({ OR: [{ memberId }, { memberId: null, application: { memberId } }] }),
    },
    cardId: {
      kind: 'int',
      doc: "the card's fees, including the fee paid with the application it was made for",
      where: (cardId: number) => ({ OR: [{ cardId }, { cardId: null, application: { member: { cards: { some: { id: cardId, replacesCardId: null } } } } }] }),
    },
  },
  search: (q) => ({ receiptNo: { contains: q, mode: 'insensitive' } }),
  defaultSort: [{ id: 'desc' }],
};

export const yuan = (fen: number) => Math.round(fen) / 100;

/** M-8: the card-fee ledger (append-only) and its numbered receipts; quarter statements are FeeStatementsService. */
@Injectable()
export class FeesService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(SettingsService) private readonly settings: SettingsService,
  ) {}

  /** The next receipt number of the year, SJ<year>-<6 digits>, without gaps or twins. */
  private nextReceiptNo(tx: Tx, year: number): Promise<string> {
    return nextYearlyNumber(tx, { table: 'fee_entries', column: 'receiptNo', prefix: 'SJ', digits: 6 }, year);
  }

  /** M-8: the card fee (club setting cardFeeFen, default 20 RMB) per card, new or replacement; waived for newly launched projects. */
  async recordFee(tx: Tx, input: FeeInput, ctx: Actor): Promise<{ id: number; receiptNo: string; amountFen: number; waived: boolean }> {
    const project = await tx.project.findUnique({ where: { id: input.projectId }, select: { newlyLaunched: true } });
    if (!project) throw AppError.field('projectId', 'cards.projectNotFound');
    const waived = project.newlyLaunched;
    const amountFen = waived ? 0 : (await this.settings.get()).cardFeeFen;
    const receiptNo = await this.nextReceiptNo(tx, input.paidOn.getUTCFullYear());
    const entry = await tx.feeEntry.create({
      data: {
        receiptNo,
        kind: input.kind,
        amountFen,
        waived,
        projectId: input.projectId,
        memberId: input.memberId ?? null,
        applicationId: input.applicationId ?? null,
        cardId: input.cardId ?? null,
        paidOn: input.paidOn,
        recordedById: ctx.user.id,
      },
      select: { id: true, receiptNo: true, amountFen: true, waived: true },
    });
    await this.audit.record(ctx, 'CREATE', 'fee-entries', entry.id, { receiptNo, kind: input.kind, amountFen, waived }, tx);
    return entry;
  }

  /** The ledger is append-only: a mistake is undone by a reversing entry with its own receipt. */
  async reverseFee(tx: Tx, feeId: number, reason: string, ctx: Actor): Promise<{ id: number; receiptNo: string; amountFen: number; waived: boolean }> {
    const original = await tx.feeEntry.findUnique({ where: { id: feeId } });
    if (!original) throw new AppError(404, 'cards.feeNotFound');
    if (original.reversesId !== null) throw new AppError(409, 'cards.feeIsReversal');
    const paidOn = clubToday();
    const receiptNo = await this.nextReceiptNo(tx, paidOn.getUTCFullYear());
    const entry = await tx.feeEntry
      .create({
        data: {
          receiptNo,
          kind: original.kind,
          amountFen: -original.amountFen,
          waived: original.waived,
          projectId: original.projectId,
          memberId: original.memberId,
          applicationId: original.applicationId,
          cardId: original.cardId,
          paidOn,
          reversesId: original.id,
          note: reason.slice(0, 200),
          recordedById: ctx.user.id,
        },
        select: { id: true, receiptNo: true, amountFen: true, waived: true },
      })
      .catch((e: { code?: string }) => {
        // reversesId is UNIQUE: a second reversal of the same entry fails here, also under concurrency.
        if (e.code === 'P2002') throw new AppError(409, 'cards.feeAlreadyReversed');
        throw e;
      });
    await this.audit.record(ctx, 'CREATE', 'fee-entries', entry.id, { receiptNo, reverses: original.id, reason }, tx);
    return entry;
  }

  // ───────────────────────── HTTP-facing ─────────────────────────

  /** The entries of the caller's region (the ledger reaches the region through its project). */
  async regionProjects(ctx: StaffContext): Promise<Prisma.FeeEntryWhereInput> {
    if (!ctx.user.regionCode) return {};
    const projects = await this.db.project.findMany({ where: { regionCode: ctx.user.regionCode }, select: { id: true } });
    return { projectId: { in: projects.map((p) => p.id) } };
  }

  /**
   * M-8: the member and card of each entry. A fee paid with an application names neither (there
   * was no member yet, and the ledger is never updated): it is the applicant's once the
   * application became a member, and the card made for them (their first, not a replacement).
   */
  private async linksOf(rows: Prisma.FeeEntryGetPayload<object>[]): Promise<Map<number, { memberId: number | null; cardId: number | null }>> {
    const appIds = [...new Set(rows.flatMap((r) => (r.applicationId && (!r.memberId || !r.cardId) ? [r.applicationId] : [])))];
    const apps = appIds.length ? await this.db.application.findMany({ where: { id: { in: appIds }, memberId: { not: null } }, select: { id: true, memberId: true } }) : [];
    const memberOf = new Map(apps.map((a) => [a.id, a.memberId!]));
    const firstCards = memberOf.size
      ? await this.db.card.findMany({ where: { memberId: { in: [...memberOf.values()] }, replacesCardId: null }, orderBy: { id: 'asc' }, select: { id: true, memberId: true } })
      : [];
    const cardOf = new Map<number, number>();
    for (const c of firstCards) if (!cardOf.has(c.memberId)) cardOf.set(c.memberId, c.id);
    return new Map(
      rows.map((r) => {
        const memberId = r.memberId ?? (r.applicationId ? (memberOf.get(r.applicationId) ?? null) : null);
        return [r.id, { memberId, cardId: r.cardId ?? (memberId ? (cardOf.get(memberId) ?? null) : null) }];
      }),
    );
  }

  private async mapEntries(rows: Prisma.FeeEntryGetPayload<object>[]) {
    const links = await this.linksOf(rows);
    const projectIds = [...new Set(rows.map((r) => r.projectId))];
    const memberIds = [...new Set([...links.values()].flatMap((l) => (l.memberId ? [l.memberId] : [])))];
    const cardIds = [...new Set([...links.values()].flatMap((l) => (l.cardId ? [l.cardId] : [])))];
    const [projects, members, cards, s, reversals] = await Promise.all([
      this.db.project.findMany({ where: { id: { in: projectIds } }, select: { id: true, name: true, code: true } }),
      this.db.member.findMany({ where: { id: { in: memberIds } }, select: { id: true, name: true } }),
      this.db.card.findMany({ where: { id: { in: cardIds } }, select: { id: true, cardNo: true } }),
      staffNames(this.db, rows.map((r) => r.recordedById)),
      this.db.feeEntry.findMany({ where: { reversesId: { in: rows.map((r) => r.id) } }, select: { id: true, reversesId: true, receiptNo: true } }),
    ]);
    const p = new Map(projects.map((x) => [x.id, x]));
    const m = new Map(members.map((x) => [x.id, x.name]));
    const c = new Map(cards.map((x) => [x.id, x.cardNo]));
    const rev = new Map(reversals.map((x) => [x.reversesId!, x]));
    return rows.map((r) => {
      const { memberId, cardId } = links.get(r.id)!;
      return {
        id: r.id,
        receiptNo: r.receiptNo,
        kind: r.kind,
        amountFen: r.amountFen,
        amountYuan: yuan(r.amountFen),
        waived: r.waived,
        projectId: r.projectId,
        projectName: p.get(r.projectId)?.name ?? null,
        projectCode: p.get(r.projectId)?.code ?? null,
        memberId,
        memberName: memberId ? (m.get(memberId) ?? null) : null,
        applicationId: r.applicationId,
        cardId,
        cardNo: cardId ? (c.get(cardId) ?? null) : null,
        paidOn: day(r.paidOn),
        reversesId: r.reversesId,
        reversedById: rev.get(r.id)?.id ?? null,
        reversedByReceiptNo: rev.get(r.id)?.receiptNo ?? null,
        note: r.note,
        recordedById: r.recordedById,
        recordedByName: s.get(r.recordedById) ?? null,
        createdAt: r.createdAt.toISOString(),
      };
    });
  }

  async list(query: Record<string, unknown>, ctx: StaffContext) {
    const q = parseListQuery(feeListSpec, query);
    const where = { AND: [q.where, await this.regionProjects(ctx)] } as Prisma.FeeEntryWhereInput;
    const [total, rows] = await Promise.all([
      this.db.feeEntry.count({ where }),
      this.db.feeEntry.findMany({ where, orderBy: q.orderBy as Prisma.FeeEntryOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    return { total, data: await this.mapEntries(rows) };
  }

  async get(id: number, ctx: StaffContext) {
    const row = await this.db.feeEntry.findFirst({ where: { id, ...(await this.regionProjects(ctx)) } });
    if (!row) throw AppError.notFound();
    const [mapped] = await this.mapEntries([row]);
    return mapped;
  }

  async record(input: FeeInput, ctx: StaffContext) {
    const scope = await this.regionProjects(ctx);
    if (scope.projectId && !(scope.projectId as { in: number[] }).in.includes(input.projectId)) throw AppError.field('projectId', 'cards.projectNotFound');
    const entry = await this.db.$transaction((tx) => this.recordFee(tx, input, ctx));
    return this.get(entry.id, ctx);
  }

  async reverse(id: number, reason: string, ctx: StaffContext) {
    await this.get(id, ctx);
    const entry = await this.db.$transaction((tx) => this.reverseFee(tx, id, reason, ctx));
    return this.get(entry.id, ctx);
  }
}
