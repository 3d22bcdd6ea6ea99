import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { Notice } from '../common/notices.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/current-user.js';
import { regionFilter } from '../auth/region-scope.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import type { Prisma } from '../generated/prisma/client.js';
import { day } from './application.mapper.js';
import { unitLabel } from '../members/member.mapper.js';
import { COLLECTION_POINTS } from './application.schema.js';
import { nextYearlyNumber } from '../database/yearly-number.js';
import { staffNames } from '../auth/staff-names.js';
import { PlaceLabels } from '../reference/place-labels.js';

export const pickupBatchListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    batchNo: { kind: 'string', sortable: true },
    pickupOn: { kind: 'date', sortable: true },
    collectionPoint: { kind: 'enum', values: COLLECTION_POINTS },
  },
  search: (q) => ({ OR: [{ batchNo: { contains: q.toUpperCase() } }, { collectionPlace: { contains: q, mode: 'insensitive' } }, { handedOverBy: { contains: q, mode: 'insensitive' } }] }),
  defaultSort: [{ pickupOn: 'desc' }, { id: 'desc' }],
};

export interface PickupBatchCreate {
  pickupOn: Date;
  collectionPoint: (typeof COLLECTION_POINTS)[number];
  collectionPlace: string | null;
  handedOverBy: string;
  applicationIds: number[];
}

/** M-5: the weekly (Tuesday) pickup from a collection point and its handover record (appendix 2). */
@Injectable()
export class PickupBatchesService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(PlaceLabels) private readonly places: PlaceLabels,
  ) {}

  /** A regional club sees the batches holding its region's applications. */
  private scope(ctx: RequestContext): Prisma.PickupBatchWhereInput {
    return ctx.user.regionCode ? { applications: { some: { regionCode: ctx.user.regionCode } } } : {};
  }

  async create(input: PickupBatchCreate, ctx: RequestContext) {
    const warnings: Notice[] = [];
    if (input.pickupOn.getUTCDay() !== 2) warnings.push({ key: 'applications.notTuesday' });
    const year = input.pickupOn.getUTCFullYear();
    const batch = await this.db.$transaction(async (tx) => {
      const batch = await tx.pickupBatch.create({
        data: {
          batchNo: await nextYearlyNumber(tx, { table: 'pickup_batches', column: 'batchNo', prefix: 'QJ', digits: 4 }, year),
          pickupOn: input.pickupOn,
          collectionPoint: input.collectionPoint,
          collectionPlace: input.collectionPlace,
          handedOverBy: input.handedOverBy,
          receivedById: ctx.user.id,
        },
      });
      // Only applications not yet in a batch (and in the caller's region); the conditional update
      // keeps two concurrent batches from taking the same application.
      const taken = await tx.application.updateMany({ where: { id: { in: input.applicationIds }, batchId: null, ...regionFilter(ctx.user) }, data: { batchId: batch.id } });
      if (taken.count !== input.applicationIds.length) {
        const ok = await tx.application.findMany({ where: { batchId: batch.id }, select: { id: true } });
        const bad = input.applicationIds.filter((id) => !ok.some((o) => o.id === id));
        const numbers = await tx.application.findMany({ where: { id: { in: bad }, ...regionFilter(ctx.user) }, select: { applicationNo: true } });
        throw new AppError(409, 'applications.alreadyBatched', { numbers: numbers.map((n) => n.applicationNo).join(', ') || bad.join(', ') });
      }
      await this.audit.record(ctx, 'CREATE', 'pickup-batches', batch.id, { batchNo: batch.batchNo, applicationIds: input.applicationIds }, tx);
      return batch;
    });
    return { ...(await this.get(batch.id, ctx)), warnings };
  }

  async list(query: Record<string, unknown>, ctx: RequestContext) {
    const q = parseListQuery(pickupBatchListSpec, query);
    const where = { AND: [q.where, this.scope(ctx)] } as Prisma.PickupBatchWhereInput;
    const [total, rows] = await Promise.all([
      this.db.pickupBatch.count({ where }),
      this.db.pickupBatch.findMany({
        where,
        orderBy: q.orderBy as Prisma.PickupBatchOrderByWithRelationInput[],
        skip: q.skip,
        take: q.take,
        include: { _count: { select: { applications: { where: regionFilter(ctx.user) } } } },
      }),
    ]);
    const names = await staffNames(this.db, rows.map((r) => r.receivedById));
    return {
      total,
      data: rows.map((b) => ({
        id: b.id,
        batchNo: b.batchNo,
        pickupOn: day(b.pickupOn),
        collectionPoint: b.collectionPoint,
        collectionPlace: b.collectionPlace,
        handedOverBy: b.handedOverBy,
        receivedBy: names.get(b.receivedById) ?? null,
        applicationCount: b._count.applications,
        createdAt: b.createdAt.toISOString(),
      })),
    };
  }

  /** The handover record of appendix 2: date, number, application date, name, unit, documents, handed over by, received by. */
  async get(id: number, ctx: RequestContext) {
    const b = await this.db.pickupBatch.findFirst({
      where: { id, ...this.scope(ctx) },
      include: {
        applications: {
          where: regionFilter(ctx.user),
          orderBy: [{ receivedOn: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            applicationNo: true,
            receivedOn: true,
            applicantName: true,
            documentsPresent: true,
            status: true,
            householdId: true,
          },
        },
      },
    });
    if (!b) throw AppError.notFound();
    const [names, places] = await Promise.all([staffNames(this.db, [b.receivedById]), this.places.forHouseholds(b.applications.map((a) => a.householdId))]);
    const receivedBy = names.get(b.receivedById) ?? null;
    return {
      id: b.id,
      batchNo: b.batchNo,
      pickupOn: day(b.pickupOn),
      collectionPoint: b.collectionPoint,
      collectionPlace: b.collectionPlace,
      handedOverBy: b.handedOverBy,
      receivedBy,
      createdAt: b.createdAt.toISOString(),
      rows: b.applications.map((a, i) => {
        const place = places.get(a.householdId);
        return {
          seq: i + 1,
          applicationId: a.id,
          applicationNo: a.applicationNo,
          applicationDate: day(a.receivedOn),
          name: a.applicantName,
          projectName: place?.projectName ?? '',
          unit: place ? unitLabel(place.buildingName, place.unitNumber) : '',
          documents: a.documentsPresent,
          status: a.status,
          handedOverBy: b.handedOverBy,
          receivedBy,
        };
      }),
    };
  }
}
