import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { AppError, type FieldErrors } from '../common/app-error.js';
import { RECORD_LANG, t, type MessageKey } from '../common/i18n.js';
import type { Notice } from '../common/notices.js';
import { validate } from '../common/validation.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { AuditService } from '../audit/audit.service.js';
import { CalendarService, clubToday } from '../calendar/calendar.service.js';
import type { WorkingDays } from '../calendar/working-days.js';
import { nextYearlyNumber } from '../database/yearly-number.js';
import { MaskingPolicy } from '../privacy/masking-policy.js';
import type { RequestContext } from '../auth/current-user.js';
import { projectRegionFilter, regionFilter } from '../auth/region-scope.js';
import { parseListQuery, parsePaging, type ListSpec } from '../crud/list-query.js';
import type { Prisma } from '../generated/prisma/client.js';
import { eligibilityErrors } from '../members/eligibility.js';
import { MemberCreateInput } from '../members/member.schema.js';
import { MembersService, hobbiesExist } from '../members/members.service.js';
import { FILE_STORAGE, MAX_UPLOAD_BYTES, sniffType, type FileStorage } from '../storage/file-storage.js';
import { applicationListSelect, day, maskForm, toApplicationListItem, withHouseholdPlaces, type ApplicationListRow, type Deadline } from './application.mapper.js';
import { PlaceLabels } from '../reference/place-labels.js';
import { ListTotals } from '../crud/list-totals.js';
import {
  APPLICATION_STATUSES,
  COLLECTION_POINTS,
  DOCUMENT_KINDS,
  type ApplicationReceiveInput,
  type ApplicationStatus,
  type DocumentKind,
} from './application.schema.js';
import { CardsService } from '../cards/cards.service.js';
import { FeesService } from '../cards/fees.service.js';
import { SettingsService } from '../settings/settings.service.js';
import { staffNames } from '../auth/staff-names.js';

type Tx = Prisma.TransactionClient;
type ApplicationRow = Prisma.ApplicationGetPayload<object>;

/**
 * M-6 deadlines, in working days. The completeness check (default 2), number and data entry (3)
 * and card made (20) are club settings (SettingsService); chasing missing documents stays 2.
 */
export const DEADLINES = { chaseMissing: 2 } as const;

export const applicationListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    applicationNo: { kind: 'string', sortable: true },
    applicantName: { kind: 'string', sortable: true },
    status: { kind: 'enum', values: APPLICATION_STATUSES },
    collectionPoint: { kind: 'enum', values: COLLECTION_POINTS },
    projectId: { kind: 'int', sortable: true },
    householdId: { kind: 'int' },
    memberId: { kind: 'int' },
    batchId: { kind: 'int' },
    regionCode: { kind: 'string' },
    receivedOn: { kind: 'date', sortable: true },
    dueOn: { kind: 'date', sortable: true },
    statusSince: { kind: 'date', sortable: true },
  },
  filters: {
    overdue: {
      kind: 'bool',
      doc: 'past its M-6 deadline (true) or not (false)',
      where: (v: boolean) => (v ? { dueOn: { lt: clubToday() } } : { OR: [{ dueOn: null }, { dueOn: { gte: clubToday() } }] }),
    },
    batched: { kind: 'bool', doc: 'in a pickup batch or not', where: (v: boolean) => (v ? { batchId: { not: null } } : { batchId: null }) },
  },
  search: (q) => ({
    OR: [{ applicantName: { contains: q, mode: 'insensitive' } }, { applicationNo: { contains: q.toUpperCase() } }],
  }),
  defaultSort: [{ id: 'desc' }],
};

/** The states each role acts on ("my tasks"). The club manager supervises: everything overdue. */
const OFFICER_STATES: ApplicationStatus[] = ['RECEIVED', 'INCOMPLETE', 'COMPLETE', 'VERIFIED', 'APPROVED', 'CARD_IN_PRODUCTION', 'CARD_READY'];
const OPEN_STATES: ApplicationStatus[] = APPLICATION_STATUSES.filter((s) => s !== 'ISSUED' && s !== 'REJECTED');

/** M-6: how an application's deadline stands today, in working days. */
function deadline(calendar: WorkingDays, dueOn: Date | null, today: Date): Deadline {
  if (!dueOn) return { overdue: false, workingDaysLeft: null };
  if (dueOn < today) return { overdue: true, workingDaysLeft: -calendar.workingDaysBetween(dueOn, today) };
  return { overdue: false, workingDaysLeft: calendar.workingDaysBetween(today, dueOn) };
}

function illegal(status: string): AppError {
  return new AppError(409, 'applications.illegalTransition', { status: { key: `applications.status.${status}` as MessageKey } });
}

/** M-3: cards a household holds without an exception (the households.cardLimit default). */
const USUAL_CARD_LIMIT = 2;

@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CalendarService) private readonly calendar: CalendarService,
    @Inject(MaskingPolicy) private readonly masking: MaskingPolicy,
    @Inject(MembersService) private readonly members: MembersService,
    @Inject(CardsService) private readonly cards: CardsService,
    @Inject(FeesService) private readonly fees: FeesService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(SettingsService) private readonly settings: SettingsService,
    @Inject(ListTotals) private readonly totals: ListTotals,
    @Inject(PlaceLabels) private readonly places: PlaceLabels,
  ) {}

  // ───────────── deadlines ─────────────

  private async listItems(scalars: Omit<ApplicationListRow, 'household'>[]) {
    const today = clubToday();
    const [labels, calendar] = await Promise.all([this.places.forHouseholds(scalars.map((r) => r.householdId)), this.calendar.calendar()]);
    return withHouseholdPlaces(scalars, labels).map((r) => toApplicationListItem(r, deadline(calendar, r.dueOn, today)));
  }

  // ───────────── receipt (M-4, M-5, M-2 early, M-8 fee) ─────────────

  /** The form is the member application: MemberCreateInput decides, errors come back under `form.`. */
  private parseForm(input: ApplicationReceiveInput): MemberCreateInput {
    try {
      return validate(MemberCreateInput, { ...input.form, householdId: input.householdId, ownerId: input.ownerId });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const fields: FieldErrors = {};
      for (const [k, v] of Object.entries(e.fields)) fields[k === 'householdId' || k === 'ownerId' ? k : `form.${k}`] = v;
      throw AppError.validation(fields);
    }
  }

  async receive(input: ApplicationReceiveInput, ctx: RequestContext) {
    const form = this.parseForm(input);
    // The fee's date and the M-6 deadline count from the receipt: it cannot be in the future.
    if (input.receivedOn > clubToday()) throw AppError.field('receivedOn', 'errors.futureDate');
    const household = await this.db.household.findFirst({ where: { id: input.householdId, ...projectRegionFilter(ctx.user) }, include: { project: true } });
    if (!household) throw AppError.field('householdId', 'members.householdNotFound');
    const owner = await this.db.householdOwner.findUnique({ where: { id: input.ownerId } });
    // M-2 is checked at receipt already, so an ineligible applicant hears it at the counter.
    const errors = eligibilityErrors({
      birthDate: form.birthDate,
      relation: form.relation,
      idNumber: form.idNumber,
      householdId: household.id,
      owner,
      today: clubToday(),
    });
    if (!(await hobbiesExist(this.db, form.hobbyIds))) errors.hobbyIds = { key: 'errors.reference' };
    if (Object.keys(errors).length) {
      throw AppError.validation(Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === 'ownerId' ? k : `form.${k}`, v])));
    }
    const warnings: Notice[] = [];
    // M-3: accepted, but approval will need an exception (the database refuses a third card).
    if (household.activeCards >= household.cardLimit) warnings.push({ key: 'applications.cardLimitWarning' });

    const dueOn = await this.calendar.addWorkingDays(input.receivedOn, (await this.settings.get()).completenessCheckDays);
    const year = input.receivedOn.getUTCFullYear();
    const { app, fee } = await this.db.$transaction(async (tx) => {
      const app = await tx.application.create({
        data: {
          applicationNo: await nextYearlyNumber(tx, { table: 'applications', column: 'applicationNo', prefix: 'SQ', digits: 6 }, year),
          householdId: household.id,
          ownerId: input.ownerId,
          projectId: household.projectId,
          regionCode: household.project.regionCode,
          form: input.form as Prisma.InputJsonValue,
          applicantName: form.name,
          applicantIdNumber: form.idNumber,
          collectionPoint: input.collectionPoint,
          collectionPlace: input.collectionPlace,
          receivedOn: input.receivedOn,
          receivedById: ctx.user.id,
          status: 'RECEIVED',
          dueOn,
          documentsPresent: input.documentsPresent,
          missingItems: [],
        },
      });
      await tx.applicationEvent.create({ data: { applicationId: app.id, fromStatus: null, toStatus: 'RECEIVED', byId: ctx.user.id, note: null } });
      // M-8: the card fee is paid with the application and a receipt issued.
      const fee = await this.fees.recordFee(tx, { kind: 'NEW_CARD', projectId: household.projectId, applicationId: app.id, paidOn: input.receivedOn }, ctx);
      await this.audit.record(ctx, 'CREATE', 'applications', app.id, { applicationNo: app.applicationNo, householdId: household.id, feeReceiptNo: fee.receiptNo }, tx);
      return { app, fee };
    });
    return { ...(await this.get(app.id, ctx)), receiptNo: fee.receiptNo, warnings };
  }

  // ───────────── reading ─────────────

  async list(query: Record<string, unknown>, ctx: RequestContext) {
    const q = parseListQuery(applicationListSpec, query);
    const where = { AND: [q.where, regionFilter(ctx.user)] } as Prisma.ApplicationWhereInput;
    const [total, rows] = await Promise.all([
      this.totals.count('applications', where, () => this.db.application.count({ where })),
      this.db.application.findMany({ where, orderBy: q.orderBy as Prisma.ApplicationOrderByWithRelationInput[], skip: q.skip, take: q.take, select: applicationListSelect }),
    ]);
    return { total, data: await this.listItems(rows) };
  }

  /** "My tasks": the applications waiting on the caller's role, with counts per state. */
  async tasks(query: Record<string, unknown>, ctx: RequestContext) {
    const { overdueOnly: rawOverdueOnly, ...paging } = query;
    if (rawOverdueOnly !== undefined && rawOverdueOnly !== 'true' && rawOverdueOnly !== 'false') throw AppError.field('overdueOnly', 'errors.badQuery');
    for (const key of Object.keys(paging)) if (key !== '_start' && key !== '_end') throw AppError.field(key || '_', 'errors.unknownField');
    const overdueOnly = rawOverdueOnly === 'true';
    const today = clubToday();
    const { skip, take } = parsePaging(paging, 25, 200);
    let scope: Prisma.ApplicationWhereInput | null;
    switch (ctx.user.role) {
      case 'member_officer':
        scope = { status: { in: OFFICER_STATES } };
        break;
      case 'marketing':
        scope = { status: 'COMPLETE', marketingAskedAt: { not: null } };
        break;
      case 'club_manager':
        scope = { status: { in: OPEN_STATES }, dueOn: { lt: today } };
        break;
      default:
        scope = null;
    }
    if (!scope) return { total: 0, overdue: 0, counts: [], data: [] };
    const base: Prisma.ApplicationWhereInput = { AND: [scope, regionFilter(ctx.user)] };
    const overdueWhere: Prisma.ApplicationWhereInput = { AND: [base, { dueOn: { lt: today } }] };
    const where = overdueOnly ? overdueWhere : base;
    const [perState, rows] = await Promise.all([
      this.totals.aggregate('applications', 'tasks', overdueWhere, () => this.countsPerState(base, today), (c) => c.reduce((s, x) => s + x.total, 0)),
      this.db.application.findMany({
        where,
        orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
        skip,
        take,
        select: applicationListSelect,
      }),
    ]);
    const counts = APPLICATION_STATUSES.filter((s) => perState.some((c) => c.status === s)).map((status) => perState.find((c) => c.status === status)!);
    const total = counts.reduce((s, c) => s + c.total, 0);
    const overdue = counts.reduce((s, c) => s + c.overdue, 0);
    return { total: overdueOnly ? overdue : total, overdue, counts, data: await this.listItems(rows) };
  }

  /** Per state: how many applications of `scope` there are, and how many of them are overdue. */
  private async countsPerState(scope: Prisma.ApplicationWhereInput, today: Date): Promise<{ status: ApplicationStatus; total: number; overdue: number }[]> {
    const [all, late] = await Promise.all([
      this.db.application.groupBy({ by: ['status'], where: scope, _count: { _all: true } }),
      this.db.application.groupBy({ by: ['status'], where: { AND: [scope, { dueOn: { lt: today } }] }, _count: { _all: true } }),
    ]);
    return all.map((a) => ({ status: a.status, total: a._count._all, overdue: late.find((l) => l.status === a.status)?._count._all ?? 0 }));
  }

  private async find(id: number, ctx: RequestContext, tx: Tx | Db = this.db): Promise<ApplicationRow> {
    const row = await tx.application.findFirst({ where: { id, ...regionFilter(ctx.user) } });
    if (!row) throw AppError.notFound();
    return row;
  }

  async get(id: number, ctx: RequestContext) {
    const row = await this.db.application.findFirst({
      where: { id, ...regionFilter(ctx.user) },
      select: {
        ...applicationListSelect,
        ownerId: true,
        form: true,
        receivedById: true,
        verificationNote: true,
        decidedById: true,
        decidedAt: true,
        rejectionReason: true,
        exceptionId: true,
        createdAt: true,
        batch: { select: { id: true, batchNo: true, pickupOn: true } },
        household: { select: { cardLimit: true, activeCards: true, project: { select: { name: true } }, unit: { select: { number: true, building: { select: { name: true } } } } } },
        documents: { orderBy: { id: 'asc' }, select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, uploadedAt: true, uploadedById: true } },
        events: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
      },
    });
    if (!row) throw AppError.notFound();
    const unmasked = await this.masking.canUnmask(ctx.user);
    if (unmasked) await this.audit.record(ctx, 'READ_UNMASKED', 'applications', id);
    const [staff, fees, card] = await Promise.all([
      staffNames(this.db, [row.receivedById, row.decidedById, ...row.events.map((e) => e.byId), ...row.documents.map((d) => d.uploadedById)]),
      this.db.feeEntry.findMany({ where: { applicationId: id }, orderBy: { id: 'asc' } }),
      row.memberId ? this.db.card.findFirst({ where: { memberId: row.memberId }, orderBy: { id: 'desc' } }) : null,
    ]);
    const name = (sid: number | null) => (sid === null ? null : (staff.get(sid) ?? String(sid)));
    const original = fees.find((f) => f.reversesId === null);
    const reversal = original ? fees.find((f) => f.reversesId === original.id) : undefined;
    const item = toApplicationListItem(row, deadline(await this.calendar.calendar(), row.dueOn, clubToday()));
    return {
      ...item,
      ownerId: row.ownerId,
      form: maskForm(row.form as Record<string, unknown>, unmasked),
      masked: !unmasked,
      receivedBy: name(row.receivedById),
      verificationNote: row.verificationNote,
      decidedBy: name(row.decidedById),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      rejectionReason: row.rejectionReason,
      exceptionId: row.exceptionId,
      createdAt: row.createdAt.toISOString(),
      household: { id: row.householdId, unitLabel: item.unitLabel, cardLimit: row.household.cardLimit, activeCards: row.household.activeCards },
      batch: row.batch ? { id: row.batch.id, batchNo: row.batch.batchNo, pickupOn: day(row.batch.pickupOn) } : null,
      documents: row.documents.map((d) => ({ id: d.id, kind: d.kind, fileName: d.fileName, mimeType: d.mimeType, sizeBytes: d.sizeBytes, uploadedAt: d.uploadedAt.toISOString(), uploadedBy: name(d.uploadedById) })),
      events: row.events.map((e) => ({ id: e.id, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, by: name(e.byId), at: e.at.toISOString() })),
      fee: original
        ? { id: original.id, receiptNo: original.receiptNo, amountFen: original.amountFen, waived: original.waived, paidOn: day(original.paidOn), reversed: !!reversal, reversalReceiptNo: reversal?.receiptNo ?? null }
        : null,
      card: card ? { id: card.id, cardNo: card.cardNo, status: card.status, readyOn: day(card.readyOn), issuedOn: day(card.issuedOn), collectorName: card.collectorName } : null,
    };
  }

  // ───────────── the state machine (M-6) ─────────────

  /**
   * Moves an application from one of `from` to `to` in one transaction: a conditional update
   * (`WHERE status = current`) so two concurrent steps cannot both succeed, then the step's own
   * work, the event and the audit entry.
   */
  private async transition(
    id: number,
    ctx: RequestContext,
    from: ApplicationStatus[],
    to: ApplicationStatus,
    step: {
      data?: (app: ApplicationRow) => Promise<Prisma.ApplicationUncheckedUpdateManyInput> | Prisma.ApplicationUncheckedUpdateManyInput;
      work?: (tx: Tx, app: ApplicationRow) => Promise<Prisma.ApplicationUncheckedUpdateManyInput | void>;
      note?: string | null;
      detail?: Prisma.InputJsonObject;
    } = {},
  ) {
    const current = await this.find(id, ctx);
    if (!from.includes(current.status)) throw illegal(current.status);
    const data = (await step.data?.(current)) ?? {};
    // A card over the household's limit (M-3) fails the database CHECK: the error filter answers 409.
    await this.db.$transaction(async (tx) => {
        const moved = await tx.application.updateMany({ where: { id, status: current.status }, data: { ...data, status: to, statusSince: new Date() } });
        if (moved.count === 0) {
          const now = await tx.application.findUniqueOrThrow({ where: { id }, select: { status: true } });
          throw illegal(now.status);
        }
        const more = await step.work?.(tx, current);
        if (more && Object.keys(more).length) await tx.application.update({ where: { id }, data: more });
        await tx.applicationEvent.create({ data: { applicationId: id, fromStatus: current.status, toStatus: to, note: step.note ?? null, byId: ctx.user.id } });
        await this.audit.record(ctx, 'UPDATE', 'applications', id, { from: current.status, to, ...(step.detail ?? {}) }, tx);
    });
    return this.get(id, ctx);
  }

  /** Completeness check (M-5, M-6): missing items → INCOMPLETE (chase within 2 wd), else COMPLETE. */
  async check(id: number, input: { missingItems: DocumentKind[]; notified?: boolean; note?: string | null }, ctx: RequestContext) {
    const today = clubToday();
    const missing = input.missingItems;
    if (missing.length) {
      return this.transition(id, ctx, ['RECEIVED', 'INCOMPLETE'], 'INCOMPLETE', {
        data: async () => ({
          missingItems: missing,
          documentsPresent: DOCUMENT_KINDS.filter((k) => !missing.includes(k)),
          dueOn: await this.calendar.addWorkingDays(today, DEADLINES.chaseMissing),
          ...(input.notified ? { applicantNotifiedAt: new Date() } : {}),
        }),
        note: input.note ?? null,
        detail: { missingItems: missing, notified: !!input.notified },
      });
    }
    return this.transition(id, ctx, ['RECEIVED', 'INCOMPLETE'], 'COMPLETE', {
      data: async () => ({
        missingItems: [],
        documentsPresent: [...DOCUMENT_KINDS],
        completeOn: today,
        dueOn: await this.calendar.addWorkingDays(today, (await this.settings.get()).dataEntryDays),
      }),
      note: input.note ?? null,
    });
  }

  /**
   * Verified against the deed or purchase contract. The officer may instead ask marketing to help
   * (the application stays COMPLETE, on marketing's task list); marketing's verify completes it.
   */
  async verify(id: number, input: { note?: string | null; askMarketing?: boolean }, ctx: RequestContext) {
    // M-6: marketing helps verify when the club asks it to — it neither asks itself nor verifies unasked.
    const marketing = ctx.user.role === 'marketing';
    if (marketing && input.askMarketing) throw new AppError(403, 'applications.marketingCannotAsk');
    if (input.askMarketing) {
      const current = await this.find(id, ctx);
      if (current.status !== 'COMPLETE') throw illegal(current.status);
      const moved = await this.db.$transaction(async (tx) => {
        const r = await tx.application.updateMany({ where: { id, status: 'COMPLETE' }, data: { marketingAskedAt: new Date(), verificationNote: input.note ?? current.verificationNote } });
        if (r.count === 0) return false;
        await tx.applicationEvent.create({ data: { applicationId: id, fromStatus: 'COMPLETE', toStatus: 'COMPLETE', note: input.note ?? t(RECORD_LANG, 'applications.verifiedByMarketing'), byId: ctx.user.id } });
        await this.audit.record(ctx, 'UPDATE', 'applications', id, { askMarketing: true }, tx);
        return true;
      });
      if (!moved) throw illegal((await this.find(id, ctx)).status);
      return this.get(id, ctx);
    }
    return this.transition(id, ctx, ['COMPLETE'], 'VERIFIED', {
      data: (app) => {
        if (marketing && !app.marketingAskedAt) throw new AppError(403, 'applications.marketingNotAsked');
        return { verificationNote: input.note ?? null };
      },
      note: input.note ?? null,
    });
  }

  /** Number assigned and data entered: the member is created; M-2 and M-3 are enforced again by the database. */
  async approve(id: number, input: { note?: string | null }, ctx: RequestContext) {
    return this.transition(id, ctx, ['VERIFIED'], 'APPROVED', {
      data: async (app) => ({
        decidedById: ctx.user.id,
        decidedAt: new Date(),
        dueOn: await this.calendar.addWorkingDays(app.completeOn ?? clubToday(), (await this.settings.get()).cardMadeDays),
      }),
      work: async (tx, app) => {
        const form = validate(MemberCreateInput, { ...(app.form as Record<string, unknown>), householdId: app.householdId, ownerId: app.ownerId });
        const member = await this.members.create({ ...form, joinedOn: form.joinedOn ?? clubToday() }, ctx, { tx, cardHolder: true });
        return { memberId: member.id, exceptionId: await this.exceptionUsed(tx, app.householdId) };
      },
      note: input.note ?? null,
    });
  }

  /**
   * M-3: when this approval took the household past the usual two cards, the place came from an
   * approved exception; link the oldest one no application has used yet.
   */
  private async exceptionUsed(tx: Tx, householdId: number): Promise<number | null> {
    const household = await tx.household.findUniqueOrThrow({ where: { id: householdId }, select: { activeCards: true } });
    if (household.activeCards <= USUAL_CARD_LIMIT) return null;
    const used = await tx.application.findMany({ where: { householdId, exceptionId: { not: null } }, select: { exceptionId: true } });
    const exception = await tx.cardLimitException.findFirst({
      where: { householdId, status: 'APPROVED', id: { notIn: used.map((u) => u.exceptionId!) } },
      orderBy: { id: 'asc' },
      select: { id: true },
    });
    return exception?.id ?? null;
  }

  async reject(id: number, input: { reason: string }, ctx: RequestContext) {
    return this.transition(id, ctx, ['RECEIVED', 'INCOMPLETE', 'COMPLETE', 'VERIFIED'], 'REJECTED', {
      data: () => ({ decidedById: ctx.user.id, decidedAt: new Date(), rejectionReason: input.reason, dueOn: null }),
      work: async (tx) => {
        // M-8: the fee paid with the application is refunded by a reversing entry.
        const entries = await tx.feeEntry.findMany({ where: { applicationId: id }, select: { id: true, reversesId: true, waived: true } });
        const original = entries.find((f) => f.reversesId === null);
        const reversed = original && entries.some((f) => f.reversesId === original.id);
        if (original && !reversed) await this.fees.reverseFee(tx, original.id, input.reason, ctx);
      },
      note: input.reason,
    });
  }

  async produceCard(id: number, input: { note?: string | null }, ctx: RequestContext) {
    // The card-made deadline was set at approval and still stands.
    return this.transition(id, ctx, ['APPROVED'], 'CARD_IN_PRODUCTION', {
      work: async (tx, app) => {
        if (!app.memberId) throw illegal(app.status);
        await this.cards.allocateCard(tx, { memberId: app.memberId, householdId: app.householdId, projectId: app.projectId }, ctx);
      },
      note: input.note ?? null,
    });
  }

  private async cardOf(tx: Tx, app: ApplicationRow, status: 'IN_PRODUCTION' | 'READY'): Promise<number> {
    const card = app.memberId ? await tx.card.findFirst({ where: { memberId: app.memberId, status }, orderBy: { id: 'desc' }, select: { id: true } }) : null;
    if (!card) throw new AppError(409, 'applications.noCard');
    return card.id;
  }

  async cardReady(id: number, input: { ownerPhoned: boolean; note?: string | null }, ctx: RequestContext) {
    const phoned = input.ownerPhoned ? t(RECORD_LANG, 'applications.ownerPhoned') : null;
    return this.transition(id, ctx, ['CARD_IN_PRODUCTION'], 'CARD_READY', {
      // M-9 sets no deadline for the pickup itself.
      data: () => ({ dueOn: null }),
      work: async (tx, app) => {
        await this.cards.markReady(tx, await this.cardOf(tx, app, 'IN_PRODUCTION'), ctx, { ownerPhoned: input.ownerPhoned });
      },
      note: [phoned, input.note].filter(Boolean).join('；') || null,
      detail: { ownerPhoned: input.ownerPhoned },
    });
  }

  async issue(id: number, input: { collectorName: string; collectorPhone?: string | null; collectorSigned: boolean; collectorIdChecked: boolean }, ctx: RequestContext) {
    return this.transition(id, ctx, ['CARD_READY'], 'ISSUED', {
      data: () => ({ dueOn: null }),
      work: async (tx, app) => {
        await this.cards.issue(tx, await this.cardOf(tx, app, 'READY'), input, ctx);
      },
      note: input.collectorName,
    });
  }

  // ───────────── documents (M-5) ─────────────

  async addDocument(id: number, kind: DocumentKind, file: { buffer: Buffer; originalname: string; size: number } | undefined, ctx: RequestContext) {
    const app = await this.find(id, ctx);
    if (!file?.buffer?.length) throw AppError.field('file', 'applications.fileMissing');
    if (file.buffer.length > MAX_UPLOAD_BYTES) throw AppError.field('file', 'applications.fileTooLarge', { mb: MAX_UPLOAD_BYTES / 1024 / 1024 });
    const mimeType = sniffType(file.buffer);
    if (!mimeType) throw AppError.field('file', 'applications.fileType');
    const stored = await this.storage.put(file.buffer);
    try {
      const doc = await this.db.$transaction(async (tx) => {
        const doc = await tx.applicationDocument.create({
          data: {
            applicationId: id,
            kind,
            fileName: (Buffer.from(file.originalname, 'latin1').toString('utf8') || 'file').slice(0, 200),
            mimeType,
            sizeBytes: stored.sizeBytes,
            storageKey: stored.key,
            sha256: stored.sha256,
            uploadedById: ctx.user.id,
          },
        });
        if (!app.documentsPresent.includes(kind)) {
          await tx.application.update({ where: { id }, data: { documentsPresent: { push: kind } } });
        }
        await this.audit.record(ctx, 'CREATE', 'application-documents', doc.id, { applicationId: id, kind, sha256: stored.sha256 }, tx);
        return doc;
      });
      return { id: doc.id, kind: doc.kind, fileName: doc.fileName, mimeType: doc.mimeType, sizeBytes: doc.sizeBytes, uploadedAt: doc.uploadedAt.toISOString() };
    } catch (e) {
      await this.storage.remove(stored.key);
      throw e;
    }
  }

  /** ID copies and photos are personal data (M-11): masked roles may not open them; each read is audited. */
  async openDocument(id: number, docId: number, ctx: RequestContext): Promise<{ stream: Readable; mimeType: string; fileName: string; sizeBytes: number }> {
    await this.find(id, ctx);
    if (!(await this.masking.canUnmask(ctx.user))) throw AppError.forbidden();
    const doc = await this.db.applicationDocument.findFirst({ where: { id: docId, applicationId: id } });
    if (!doc) throw AppError.notFound();
    const stream = await this.storage.open(doc.storageKey);
    await this.audit.record(ctx, 'READ_UNMASKED', 'application-documents', doc.id, { applicationId: id, kind: doc.kind });
    return { stream, mimeType: doc.mimeType, fileName: doc.fileName, sizeBytes: doc.sizeBytes };
  }
}
