import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/current-user.js';
import { regionFilter } from '../auth/region-scope.js';
import { clubToday } from '../calendar/calendar.service.js';
import { AppError } from '../common/app-error.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { isoDay, quarterOf, thisAndPreviousQuarter } from '../workbench/periods.js';
import { toAgreement, toChange, toMerchant, toStep, toVisit } from './merchants.mapper.js';
import { earliestEffective, needsNoticeAndConsent, nextStage, PIPELINE_ORDER } from './merchants.rules.js';
import {
  MERCHANT_PIPELINES,
  MERCHANT_STAGES,
  MERCHANT_STATUSES,
  REPORTED_FIELDS,
  VISIT_METHODS,
  type AgreementCreateInput,
  type ConsentInput,
  type MerchantChangeInput,
  type MerchantCreateInput,
  type MerchantStepInput,
  type MerchantUpdateInput,
  type ObjectionInput,
  type OfferChangeInput,
  type PlaqueInput,
  type VisitCreateInput,
} from './merchants.schema.js';

/** Merchants not visited in the current quarter (B-5): the ids of active merchants with no visit since the quarter began. */
function notVisitedSince(start: Date): Prisma.MerchantWhereInput {
  return { status: 'ACTIVE', visits: { none: { visitedOn: { gte: start } } } };
}

export const merchantListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    name: { kind: 'string', sortable: true },
    category: { kind: 'string', sortable: true },
    regionCode: { kind: 'string', sortable: true },
    pipeline: { kind: 'enum', values: MERCHANT_PIPELINES },
    stage: { kind: 'enum', values: MERCHANT_STAGES, sortable: true },
    status: { kind: 'enum', values: MERCHANT_STATUSES, sortable: true },
    signedOn: { kind: 'date', sortable: true },
    createdAt: { kind: 'date', sortable: true },
  },
  filters: {
    notVisitedThisQuarter: {
      kind: 'bool',
      doc: 'active merchants with no visit this quarter (B-5)',
      where: (v: boolean) => (v ? notVisitedSince(quarterOf(clubToday()).start) : {}),
    },
  },
  search: (q) => ({ OR: [{ name: { contains: q, mode: 'insensitive' } }, { category: { contains: q } }, { contact: { contains: q } }] }),
  defaultSort: [{ id: 'desc' }],
};

export const agreementListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    contractNo: { kind: 'string', sortable: true },
    merchantId: { kind: 'int' },
    startOn: { kind: 'date', sortable: true },
    endOn: { kind: 'date', sortable: true },
  },
  filters: {
    objected: { kind: 'bool', doc: 'a renewal objection is recorded', where: (v: boolean) => (v ? { objectedOn: { not: null } } : { objectedOn: null }) },
  },
  search: (q) => ({ OR: [{ contractNo: { contains: q, mode: 'insensitive' } }, { merchant: { name: { contains: q, mode: 'insensitive' } } }] }),
  defaultSort: [{ id: 'desc' }],
};

export const visitListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    merchantId: { kind: 'int' },
    visitedOn: { kind: 'date', sortable: true },
    method: { kind: 'enum', values: VISIT_METHODS },
  },
  search: (q) => ({ OR: [{ visitor: { contains: q } }, { merchant: { name: { contains: q, mode: 'insensitive' } } }] }),
  defaultSort: [{ visitedOn: 'desc' }, { id: 'desc' }],
};

const AGREEMENT_INCLUDE = { merchant: true, offerChanges: true } as const;

/** B-1 to B-5: merchants, their pipeline, agreements, reported changes, plaques and visits. */
@Injectable()
export class MerchantsService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /** The merchant, if the caller's region may see it (else 404). */
  private async merchant(id: number, ctx: RequestContext, tx: Prisma.TransactionClient | Db = this.db) {
    const m = await tx.merchant.findFirst({ where: { id, ...regionFilter(ctx.user) } });
    if (!m) throw AppError.notFound();
    return m;
  }

  private async agreementRow(id: number, ctx: RequestContext, tx: Prisma.TransactionClient | Db = this.db) {
    const a = await tx.merchantAgreement.findFirst({ where: { id, merchant: regionFilter(ctx.user) }, include: AGREEMENT_INCLUDE });
    if (!a) throw AppError.notFound();
    return a;
  }

  private listWhere(query: Record<string, unknown>, ctx: RequestContext) {
    const q = parseListQuery(merchantListSpec, query, ctx);
    return { q, where: { AND: [q.where, regionFilter(ctx.user)] } as Prisma.MerchantWhereInput };
  }

  /** Every merchant the list's filters select, in its order, with its latest agreement: the appendix-5 table. */
  tableRows(filters: Record<string, unknown>, ctx: RequestContext) {
    const { q, where } = this.listWhere(filters, ctx);
    return this.db.merchant.findMany({
      where,
      orderBy: q.orderBy as Prisma.MerchantOrderByWithRelationInput[],
      include: { agreements: { orderBy: { startOn: 'desc' }, take: 1 }, region: { select: { name: true } } },
    });
  }

  async list(query: Record<string, unknown>, ctx: RequestContext) {
    const { q, where } = this.listWhere(query, ctx);
    const [total, rows] = await Promise.all([
      this.db.merchant.count({ where }),
      this.db.merchant.findMany({ where, orderBy: q.orderBy as Prisma.MerchantOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    return { total, data: rows.map(toMerchant) };
  }

  async get(id: number, ctx: RequestContext) {
    const m = await this.merchant(id, ctx);
    const [steps, changes] = await Promise.all([
      this.db.merchantStep.findMany({ where: { merchantId: id }, orderBy: [{ on: 'asc' }, { id: 'asc' }] }),
      this.db.merchantChange.findMany({ where: { merchantId: id }, orderBy: [{ reportedOn: 'asc' }, { id: 'asc' }] }),
    ]);
    return { ...toMerchant(m), steps: steps.map(toStep), changes: changes.map(toChange) };
  }

  async create(input: MerchantCreateInput, ctx: RequestContext) {
    // A regional club records its own region's merchants only.
    if (ctx.user.regionCode && input.regionCode !== ctx.user.regionCode) throw AppError.field('regionCode', 'merchants.regionNotFound');
    if (!(await this.db.region.findUnique({ where: { code: input.regionCode } }))) throw AppError.field('regionCode', 'merchants.regionNotFound');
    const { notes, on, ...data } = input;
    const stage = PIPELINE_ORDER[input.pipeline][0];
    const id = await this.db.$transaction(async (tx) => {
      const m = await tx.merchant.create({ data: { ...data, stage, createdById: ctx.user.id } });
      await tx.merchantStep.create({ data: { merchantId: m.id, stage, on, notes, createdById: ctx.user.id } });
      await this.audit.record(ctx, 'CREATE', 'merchants', m.id, { name: m.name, pipeline: m.pipeline, stage }, tx);
      return m.id;
    });
    return this.get(id, ctx);
  }

  async update(id: number, input: MerchantUpdateInput, ctx: RequestContext) {
    await this.db.$transaction(async (tx) => {
      await this.merchant(id, ctx, tx);
      await tx.merchant.update({ where: { id }, data: input });
      await this.audit.record(ctx, 'UPDATE', 'merchants', id, input as Prisma.InputJsonObject, tx);
    });
    return this.get(id, ctx);
  }

  /**
   * B-2: the pipeline's next step, in its order only. Reaching signing records the step; the
   * agreement then makes the merchant active. (The club manager's signing approval, B-1, is to be
   * wired to the approval engine.)
   */
  async step(id: number, input: MerchantStepInput, ctx: RequestContext) {
    await this.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT id FROM merchants WHERE id = ${id} FOR UPDATE`;
      const m = await this.merchant(id, ctx, tx);
      const next = nextStage(m.pipeline, m.stage);
      if (!next || m.status !== 'PROSPECT') throw AppError.field('stage', 'merchants.pipelineDone');
      if (input.stage !== next) throw AppError.field('stage', 'merchants.wrongStage', { next: { key: `merchants.stage.${next}` } });
      await tx.merchant.update({ where: { id }, data: { stage: next } });
      await tx.merchantStep.create({ data: { merchantId: id, stage: next, on: input.on, notes: input.notes, createdById: ctx.user.id } });
      await this.audit.record(ctx, 'UPDATE', 'merchants', id, { stage: next, on: isoDay(input.on) }, tx);
    });
    return this.get(id, ctx);
  }

  /** B-3: a reported change of the merchant's data, kept as history field by field. */
  async reportChange(id: number, input: MerchantChangeInput, ctx: RequestContext) {
    await this.db.$transaction(async (tx) => {
      const m = await this.merchant(id, ctx, tx);
      const changed = REPORTED_FIELDS.filter((f) => input[f] !== undefined && input[f] !== m[f]);
      if (!changed.length) throw AppError.field('reportedOn', 'merchants.noChange');
      await tx.merchantChange.createMany({
        data: changed.map((f) => ({ merchantId: id, field: f, oldValue: m[f], newValue: input[f] ?? null, reportedOn: input.reportedOn, createdById: ctx.user.id })),
      });
      await tx.merchant.update({ where: { id }, data: Object.fromEntries(changed.map((f) => [f, input[f] ?? null])) });
      await this.audit.record(ctx, 'UPDATE', 'merchants', id, { reportedChanges: changed, reportedOn: isoDay(input.reportedOn) }, tx);
    });
    return this.get(id, ctx);
  }

  /** B-4: the plaque issued to an active merchant, and withdrawn (on termination). */
  async plaque(id: number, action: 'issue' | 'withdraw', input: PlaqueInput, ctx: RequestContext) {
    if (input.on > clubToday()) throw AppError.field('on', 'merchants.futureDate');
    await this.db.$transaction(async (tx) => {
      const m = await this.merchant(id, ctx, tx);
      if (action === 'issue') {
        if (m.status !== 'ACTIVE') throw AppError.field('on', 'merchants.notActive');
        if (m.plaqueIssuedOn && !m.plaqueWithdrawnOn) throw AppError.field('on', 'merchants.plaqueAlreadyIssued');
        await tx.merchant.update({ where: { id }, data: { plaqueIssuedOn: input.on, plaqueWithdrawnOn: null } });
      } else {
        if (!m.plaqueIssuedOn || m.plaqueWithdrawnOn) throw AppError.field('on', 'merchants.plaqueNotIssued');
        await tx.merchant.update({ where: { id }, data: { plaqueWithdrawnOn: input.on } });
      }
      await this.audit.record(ctx, 'UPDATE', 'merchants', id, { plaque: action, on: isoDay(input.on) }, tx);
    });
    return this.get(id, ctx);
  }

  // ---- agreements (B-3) ----

  async listAgreements(query: Record<string, unknown>, ctx: RequestContext) {
    const q = parseListQuery(agreementListSpec, query, ctx);
    const where = { AND: [q.where, { merchant: regionFilter(ctx.user) }] } as Prisma.MerchantAgreementWhereInput;
    const [total, rows] = await Promise.all([
      this.db.merchantAgreement.count({ where }),
      this.db.merchantAgreement.findMany({ where, include: AGREEMENT_INCLUDE, orderBy: q.orderBy as Prisma.MerchantAgreementOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    const today = clubToday();
    return { total, data: rows.map((a) => toAgreement(a, today)) };
  }

  async getAgreement(id: number, ctx: RequestContext) {
    return toAgreement(await this.agreementRow(id, ctx), clubToday());
  }

  /** B-2, B-3: the signed agreement of a merchant at the signing step; the merchant becomes active. */
  async createAgreement(merchantId: number, input: AgreementCreateInput, ctx: RequestContext) {
    if (input.endOn <= input.startOn) throw AppError.field('endOn', 'merchants.endBeforeStart');
    const id = await this.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT id FROM merchants WHERE id = ${merchantId} FOR UPDATE`;
      const m = await this.merchant(merchantId, ctx, tx);
      if (m.stage !== 'SIGNING') throw AppError.field('contractNo', 'merchants.notSigning');
      if (await tx.merchantAgreement.findUnique({ where: { contractNo: input.contractNo } })) throw AppError.field('contractNo', 'merchants.contractNoTaken');
      const a = await tx.merchantAgreement.create({ data: { ...input, merchantId, createdById: ctx.user.id } });
      await tx.merchant.update({
        where: { id: merchantId },
        data: {
          status: 'ACTIVE',
          signedOn: m.signedOn ?? input.startOn,
          address: m.address ?? input.merchantAddress,
          representative: m.representative ?? input.merchantRepresentative,
          contact: m.contact ?? input.merchantContact,
          phone: m.phone ?? input.merchantPhone,
          fax: m.fax ?? input.merchantFax,
        },
      });
      await this.audit.record(ctx, 'CREATE', 'merchant-agreements', a.id, { contractNo: a.contractNo, merchantId }, tx);
      return a.id;
    });
    return this.getAgreement(id, ctx);
  }

  /** B-3: either side objects to the automatic renewal; the agreement ends at the end of its term. */
  async object(id: number, input: ObjectionInput, ctx: RequestContext) {
    await this.db.$transaction(async (tx) => {
      const a = await this.agreementRow(id, ctx, tx);
      if (a.objectedOn) throw AppError.field('on', 'merchants.alreadyObjected');
      await tx.merchantAgreement.update({ where: { id }, data: { objectedBy: input.by, objectedOn: input.on, objectionNotes: input.notes } });
      await this.audit.record(ctx, 'UPDATE', 'merchant-agreements', id, { objectedBy: input.by, objectedOn: isoDay(input.on) }, tx);
    });
    return this.getAgreement(id, ctx);
  }

  /** B-3: an offer change; an increase or withdrawal only with 30 days' notice. */
  async offerChange(id: number, input: OfferChangeInput, ctx: RequestContext) {
    if (needsNoticeAndConsent(input.kind)) {
      const earliest = earliestEffective(input.noticeOn);
      if (input.effectiveOn < earliest) throw AppError.field('effectiveOn', 'merchants.noticeTooShort', { earliest: isoDay(earliest)! });
    } else if (input.effectiveOn < input.noticeOn) {
      throw AppError.field('effectiveOn', 'merchants.effectiveBeforeNotice');
    }
    await this.db.$transaction(async (tx) => {
      await this.agreementRow(id, ctx, tx);
      const c = await tx.merchantOfferChange.create({ data: { agreementId: id, ...input, createdById: ctx.user.id } });
      await this.audit.record(ctx, 'CREATE', 'merchant-offer-changes', c.id, { agreementId: id, kind: input.kind, effectiveOn: isoDay(input.effectiveOn) }, tx);
    });
    return this.getAgreement(id, ctx);
  }

  /** B-3: the club's written consent to an increase or withdrawal. */
  async consent(id: number, changeId: number, input: ConsentInput, ctx: RequestContext) {
    await this.db.$transaction(async (tx) => {
      await this.agreementRow(id, ctx, tx);
      const c = await tx.merchantOfferChange.findFirst({ where: { id: changeId, agreementId: id } });
      if (!c) throw AppError.notFound();
      if (!needsNoticeAndConsent(c.kind)) throw AppError.field('on', 'merchants.noConsentNeeded');
      if (c.consentOn) throw AppError.field('on', 'merchants.alreadyConsented');
      await tx.merchantOfferChange.update({ where: { id: changeId }, data: { consentOn: input.on, consentById: ctx.user.id } });
      await this.audit.record(ctx, 'UPDATE', 'merchant-offer-changes', changeId, { consentOn: isoDay(input.on) }, tx);
    });
    return this.getAgreement(id, ctx);
  }

  // ---- visits (B-5) ----

  async listVisits(query: Record<string, unknown>, ctx: RequestContext) {
    const q = parseListQuery(visitListSpec, query, ctx);
    const where = { AND: [q.where, { merchant: regionFilter(ctx.user) }] } as Prisma.MerchantVisitWhereInput;
    const [total, rows] = await Promise.all([
      this.db.merchantVisit.count({ where }),
      this.db.merchantVisit.findMany({ where, include: { merchant: true }, orderBy: q.orderBy as Prisma.MerchantVisitOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    return { total, data: rows.map(toVisit) };
  }

  async createVisit(merchantId: number, input: VisitCreateInput, ctx: RequestContext) {
    if (input.visitedOn > clubToday()) throw AppError.field('visitedOn', 'merchants.futureDate');
    const id = await this.db.$transaction(async (tx) => {
      const m = await this.merchant(merchantId, ctx, tx);
      if (m.status !== 'ACTIVE') throw AppError.field('visitedOn', 'merchants.notActive');
      const v = await tx.merchantVisit.create({ data: { merchantId, ...input, createdById: ctx.user.id } });
      await this.audit.record(ctx, 'CREATE', 'merchant-visits', v.id, { merchantId, visitedOn: isoDay(input.visitedOn), method: input.method }, tx);
      return v.id;
    });
    return toVisit(await this.db.merchantVisit.findUniqueOrThrow({ where: { id }, include: { merchant: true } }));
  }

  /**
   * B-5: the active merchants the caller's region has not visited this quarter, due on its last
   * day. Those already active last quarter and not visited then either missed a visit: overdue,
   * and listed first.
   */
  async dueVisits(ctx: RequestContext, take: number) {
    const { current, previous } = thisAndPreviousQuarter(clubToday());
    const due: Prisma.MerchantWhereInput = { ...notVisitedSince(current.start), ...regionFilter(ctx.user) };
    const late: Prisma.MerchantWhereInput = { ...notVisitedSince(previous.start), signedOn: { lt: current.start }, ...regionFilter(ctx.user) };
    const order: Prisma.MerchantOrderByWithRelationInput[] = [{ signedOn: 'asc' }, { id: 'asc' }];
    const select = { id: true, name: true } as const;
    const [total, overdue, lateRows] = await Promise.all([
      this.db.merchant.count({ where: due }),
      this.db.merchant.count({ where: late }),
      this.db.merchant.findMany({ where: late, orderBy: order, take, select }),
    ]);
    const onTime = lateRows.length < take
      ? await this.db.merchant.findMany({ where: { AND: [due, { NOT: late }] }, orderBy: order, take: take - lateRows.length, select })
      : [];
    const rows = [...lateRows.map((m) => ({ ...m, overdue: true })), ...onTime.map((m) => ({ ...m, overdue: false }))];
    return { total, overdue, rows, dueOn: new Date(current.end.getTime() - 86_400_000) };
  }
}
