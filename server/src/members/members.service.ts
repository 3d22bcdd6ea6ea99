import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { AuditService } from '../audit/audit.service.js';
import { MaskingPolicy } from '../privacy/masking-policy.js';
import { allVisible, anyVisible, type Visibility } from '../common/masking.js';
import type { RequestContext } from '../auth/current-user.js';
import { projectRegionFilter, regionFilter } from '../auth/region-scope.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import type { Prisma } from '../generated/prisma/client.js';
import { eligibilityErrors } from './eligibility.js';
import { memberDetailInclude, memberListSelect, toMemberDetail, toMemberListItem, withPlaces } from './member.mapper.js';
import { PlaceLabels } from '../reference/place-labels.js';
import { ListTotals } from '../crud/list-totals.js';
import { RELATIONS, SEXES, STATUSES, TITLES, type MemberCreateInput, type MemberUpdateInput } from './member.schema.js';
import { toPinyin } from './pinyin.js';
import { CREATED_FIELD, DELETED_FIELD, diffSnapshots, historyRows, historySnapshot, historySnapshotInclude } from '../records/member-history.js';
import { clubToday } from '../calendar/calendar.service.js';

const HAN = /\p{Script=Han}/u;

/**
 * `q` finds members as staff type them: Chinese text by the start of the name ("王", "王晓"),
 * Latin text by the start of the pinyin ("wang", "WANG XIAO"; pinyin is stored upper case, and a
 * name written in Latin letters is its own pinyin). Each is one column's prefix, answered by an
 * index that also holds the M-1 keys and the region (members_name_prefix_idx,
 * members_pinyin_prefix_idx), so the count and the page's ids never read the table. Three or
 * more characters that start nothing are then looked for anywhere (`memberSearchInside`, pg_trgm);
 * MembersService decides from the count.
 */
export function memberSearch(q: string): Prisma.MemberWhereInput {
  return HAN.test(q) ? { name: { startsWith: q } } : { pinyin: { startsWith: q.toUpperCase() } };
}

/** Three or more characters anywhere: in names (Chinese), or in pinyin and names (Latin). */
function memberSearchInside(q: string): Prisma.MemberWhereInput | null {
  if ([...q].length < 3) return null;
  return HAN.test(q) ? { name: { contains: q } } : { OR: [{ pinyin: { contains: q.toUpperCase() } }, { name: { contains: q, mode: 'insensitive' } }] };
}

export const memberListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    name: { kind: 'string', sortable: true },
    pinyin: { kind: 'string', sortable: true },
    sex: { kind: 'enum', values: SEXES },
    title: { kind: 'enum', values: TITLES },
    relation: { kind: 'enum', values: RELATIONS },
    status: { kind: 'enum', values: STATUSES },
    projectId: { kind: 'int', sortable: true },
    buildingId: { kind: 'int', sortable: true },
    unitId: { kind: 'int', sortable: true },
    householdId: { kind: 'int' },
    regionCode: { kind: 'string' },
    joinedOn: { kind: 'date', sortable: true },
    birthDate: { kind: 'date', sortable: true },
    createdAt: { kind: 'date', sortable: true },
  },
  search: memberSearch,
  searchWhenNoneFound: memberSearchInside,
  // M-1: records are listed in project, building, unit order.
  defaultSort: [{ projectId: 'asc' }, { buildingId: 'asc' }, { unitId: 'asc' }, { id: 'asc' }],
};

/** For the audit entry of a partial read: which kinds were shown. */
function unmaskedFields(v: Visibility): { fields?: string[] } {
  return allVisible(v) ? {} : { fields: Object.entries(v).filter(([, on]) => on).map(([k]) => k) };
}

/** True when every id names a hobby on the club's list (the form's 兴趣爱好). */
export async function hobbiesExist(db: Db | Prisma.TransactionClient, ids: number[] | undefined): Promise<boolean> {
  if (!ids?.length) return true;
  return (await db.hobby.count({ where: { id: { in: ids } } })) === new Set(ids).size;
}

/** The one unique key a member form can break: the same ID number twice in a household. */
function duplicateIdNumber(e: { code?: string }): never {
  if (e.code === 'P2002') throw new AppError(409, 'errors.validation', {}, { idNumber: { key: 'members.duplicate' } });
  throw e;
}

/** Today where the club works (China), whatever the server's time zone. */
const today = clubToday;

@Injectable()
export class MembersService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(MaskingPolicy) private readonly masking: MaskingPolicy,
    @Inject(ListTotals) private readonly totals: ListTotals,
    @Inject(PlaceLabels) private readonly places: PlaceLabels,
  ) {}

  private visibility(ctx: RequestContext): Promise<Visibility> {
    return this.masking.visibility(ctx.user);
  }

  /**
   * The members a list query (filters, `q`, sort) names within the caller's region, for the list
   * and its exports alike. Text of three or more characters that starts no name or pinyin among
   * them is looked for anywhere instead (`inside`, pg_trgm).
   */
  private listWhere(query: Record<string, unknown>, ctx: RequestContext) {
    const parsed = parseListQuery(memberListSpec, query);
    const scope = regionFilter(ctx.user);
    return {
      where: { AND: [parsed.where, scope] } as Prisma.MemberWhereInput,
      inside: parsed.whereWhenNoneFound ? ({ AND: [parsed.whereWhenNoneFound, scope] } as Prisma.MemberWhereInput) : null,
      orderBy: parsed.orderBy as Prisma.MemberOrderByWithRelationInput[],
      skip: parsed.skip,
      take: parsed.take,
      /** The page's ids can come from the search index alone (see page). */
      bySearchIndex: parsed.q !== undefined,
    };
  }

  /** What an export of the list query covers — exactly the members the list shows for it — and how many. */
  async exportSelection(query: Record<string, unknown>, ctx: RequestContext) {
    const { where, inside, orderBy } = this.listWhere(query, ctx);
    const count = (w: Prisma.MemberWhereInput) => this.totals.count('members', w, () => this.db.member.count({ where: w }));
    const total = await count(where);
    if (total === 0 && inside) return { where: inside, orderBy, total: await count(inside) };
    return { where, orderBy, total };
  }

  async list(query: Record<string, unknown>, ctx: RequestContext) {
    const q = this.listWhere(query, ctx);
    let { total, rows } = await this.page(q.where, q, q.bySearchIndex);
    // Nothing starts with the text: look for it anywhere (the count and the page said so at once).
    if (total === 0 && q.inside) ({ total, rows } = await this.page(q.inside, q, false));
    const [visible, labels] = await Promise.all([this.visibility(ctx), this.places.forUnits(rows.map((r) => r.unitId))]);
    if (anyVisible(visible) && rows.length) await this.audit.recordRead(ctx, 'members', null, { ids: rows.map((r) => r.id), ...unmaskedFields(visible) });
    return { total, data: withPlaces(rows, labels).map((r) => toMemberListItem(r, visible)) };
  }

  private async page(where: Prisma.MemberWhereInput, { orderBy, skip, take }: { orderBy: Prisma.MemberOrderByWithRelationInput[]; skip: number; take: number }, bySearchIndex: boolean) {
    const [total, rows] = await Promise.all([
      this.totals.count('members', where, () => this.db.member.count({ where })),
      // A search finds its page's ids in the name or pinyin index alone, then reads just those
      // rows; reading every match to sort it cost a table page per match.
      bySearchIndex
        ? this.db.member.findMany({ where, orderBy, skip, take, select: { id: true } }).then((page) => this.rowsInOrder(page.map((r) => r.id)))
        : this.db.member.findMany({ where, orderBy, skip, take, select: memberListSelect }),
    ]);
    return { total, rows };
  }

  private async rowsInOrder(ids: number[]) {
    if (!ids.length) return [];
    const rows = await this.db.member.findMany({ where: { id: { in: ids } }, select: memberListSelect });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  private async findDetail(id: number, ctx: RequestContext) {
    const row = await this.db.member.findFirst({ where: { id, ...regionFilter(ctx.user) }, include: memberDetailInclude });
    if (!row) throw AppError.notFound();
    return row;
  }

  async get(id: number, ctx: RequestContext) {
    const row = await this.findDetail(id, ctx);
    const visible = await this.visibility(ctx);
    if (anyVisible(visible)) await this.audit.recordRead(ctx, 'members', id, unmaskedFields(visible));
    return toMemberDetail(row, visible);
  }

  private async checkHobbies(ids: number[] | undefined, db: Db | Prisma.TransactionClient = this.db): Promise<void> {
    if (!(await hobbiesExist(db, ids))) throw AppError.field('hobbyIds', 'errors.reference');
  }

  /**
   * Creates a member after M-2's checks. Other features (an approved application) pass their own
   * transaction and `cardHolder: true`, which counts the member against the household's card
   * limit (M-3, enforced by the database).
   */
  async create(input: MemberCreateInput, ctx: RequestContext, opts: { tx?: Prisma.TransactionClient; cardHolder?: boolean } = {}) {
    const db = opts.tx ?? this.db;
    const household = await db.household.findFirst({
      where: { id: input.householdId, ...projectRegionFilter(ctx.user) },
      include: { unit: true, project: true },
    });
    if (!household) throw AppError.field('householdId', 'members.householdNotFound');
    const owner = await db.householdOwner.findUnique({ where: { id: input.ownerId } });
    const errors = eligibilityErrors({
      birthDate: input.birthDate,
      relation: input.relation,
      idNumber: input.idNumber,
      householdId: household.id,
      owner,
      today: today(),
    });
    if (Object.keys(errors).length) throw AppError.validation(errors);
    await this.checkHobbies(input.hobbyIds, db);

    const { householdId, ownerId, familyMembers, hobbyIds, extra, ...form } = input;
    const insert = async (tx: Prisma.TransactionClient) => {
      const member = await tx.member.create({
        data: {
          ...form,
          pinyin: form.pinyin ?? toPinyin(form.name),
          nationality: form.nationality ?? '中国',
          joinedOn: form.joinedOn ?? today(),
          extra: extra ?? {},
          cardHolder: opts.cardHolder ?? false,
          household: { connect: { id: householdId } },
          owner: { connect: { id: ownerId } },
          project: { connect: { id: household.projectId } },
          building: { connect: { id: household.unit.buildingId } },
          unit: { connect: { id: household.unitId } },
          regionCode: household.project.regionCode,
          familyMembers: familyMembers?.length ? { create: familyMembers.map(({ id: _id, ...f }) => f) } : undefined,
          hobbies: hobbyIds?.length ? { create: [...new Set(hobbyIds)].map((hobbyId) => ({ hobbyId })) } : undefined,
        },
      });
      await this.audit.record(ctx, 'CREATE', 'members', member.id, {}, tx);
      // M-11 history: a marker that the record begins here.
      await tx.memberChange.create({ data: { memberId: member.id, field: CREATED_FIELD, newValue: member.name, changedById: ctx.user.id } });
      return member;
    };
    if (opts.tx) return insert(opts.tx).catch(duplicateIdNumber);
    const created = await this.db.$transaction(insert).catch(duplicateIdNumber);
    return this.get(created.id, ctx);
  }

  /**
   * `opts.changeRequestId` links the field-level history to the change request being applied
   * (M-6); `opts.within` runs in the same transaction (the request's status change).
   */
  async update(
    id: number,
    input: MemberUpdateInput,
    ctx: RequestContext,
    opts: { changeRequestId?: number; within?: (tx: Prisma.TransactionClient) => Promise<void> } = {},
  ) {
    const current = await this.db.member.findFirst({ where: { id, ...regionFilter(ctx.user) }, include: { owner: true } });
    if (!current) throw AppError.notFound();
    const errors = eligibilityErrors({
      birthDate: input.birthDate ?? current.birthDate,
      relation: input.relation ?? current.relation,
      idNumber: input.idNumber ?? current.idNumber,
      householdId: current.householdId,
      owner: current.owner,
      // An existing member was old enough when they joined; an edit must not make them younger than that.
      today: current.joinedOn,
    });
    if (Object.keys(errors).length) throw AppError.validation(errors);
    await this.checkHobbies(input.hobbyIds);

    const { familyMembers, hobbyIds, extra, pinyin, nationality, ...form } = input;
    await this.db.$transaction(async (tx) => {
      // M-11 history: lock the row so concurrent edits chain old → new correctly.
      await tx.$queryRaw`SELECT 1 FROM members WHERE id = ${id} FOR UPDATE`;
      const before = await tx.member.findUniqueOrThrow({ where: { id }, include: historySnapshotInclude });
      await tx.member.update({
        where: { id },
        data: {
          ...form,
          // A cleared pinyin, or a new name without one, is filled from the name.
          ...(pinyin ? { pinyin } : pinyin === null || form.name !== undefined ? { pinyin: toPinyin(form.name ?? current.name) } : {}),
          ...(nationality !== undefined ? { nationality: nationality ?? '中国' } : {}),
          ...(extra !== undefined ? { extra } : {}),
          ...(familyMembers !== undefined ? { familyMembers: { deleteMany: {}, create: familyMembers.map(({ id: _id, ...f }) => f) } } : {}),
          ...(hobbyIds !== undefined ? { hobbies: { deleteMany: {}, create: [...new Set(hobbyIds)].map((hobbyId) => ({ hobbyId })) } } : {}),
        },
      });
      await this.audit.record(ctx, 'UPDATE', 'members', id, { fields: Object.keys(input) }, tx);
      const after = await tx.member.findUniqueOrThrow({ where: { id }, include: historySnapshotInclude });
      const changes = diffSnapshots(historySnapshot(before), historySnapshot(after));
      if (changes.length) await tx.memberChange.createMany({ data: historyRows(id, ctx.user.id, changes, opts.changeRequestId) });
      if (opts.within) await opts.within(tx);
    }).catch(duplicateIdNumber);
    return this.get(id, ctx);
  }

  async remove(id: number, ctx: RequestContext) {
    const current = await this.db.member.findFirst({ where: { id, ...regionFilter(ctx.user) }, select: { id: true, name: true } });
    if (!current) throw AppError.notFound();
    await this.db.$transaction(async (tx) => {
      await tx.member.delete({ where: { id } });
      await this.audit.record(ctx, 'DELETE', 'members', id, { name: current.name }, tx);
      await tx.memberChange.create({ data: { memberId: id, field: DELETED_FIELD, oldValue: current.name, changedById: ctx.user.id } });
    });
    return { id };
  }
}
