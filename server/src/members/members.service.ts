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
 * `q` finds members by the start of their name or pinyin (surname first, as staff type it:
 * "王", "wang", "WANG XIAO"); three or more characters also match anywhere in them. Pinyin is
 * stored upper case, so the search is case-insensitive without ILIKE, and every branch is served
 * by an index (prefix: varchar_pattern_ops; anywhere: pg_trgm).
 *
 * Text with Chinese characters is looked for in names only (pinyin is written in Latin
 * letters), by their start; three or more of them anywhere in a name only when no name starts
 * with them (MembersService.listWhere decides). So the most common search — a whole name typed
 * at the counter — is answered from one index, without reading the matches from the table.
 */
export function memberSearch(q: string): Prisma.MemberWhereInput {
  if (HAN.test(q)) return { name: { startsWith: q } };
  const upper = q.toUpperCase();
  const branches: Prisma.MemberWhereInput[] = [{ name: { startsWith: q } }, { pinyin: { startsWith: upper } }];
  if ([...q].length >= 3) branches.push({ name: { contains: q } }, { pinyin: { contains: upper } });
  return { OR: branches };
}

/** Chinese text: searched by the start of names (members_name_prefix_idx answers it alone). */
export function isNamePrefixSearch(q: string): boolean {
  return HAN.test(q);
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
  // M-1: records are listed in project, building, unit order.
  defaultSort: [{ projectId: 'asc' }, { buildingId: 'asc' }, { unitId: 'asc' }, { id: 'asc' }],
};

/** For the audit entry of a partial read: which kinds were shown. */
function unmaskedFields(v: Visibility): { fields?: string[] } {
  return allVisible(v) ? {} : { fields: Object.entries(v).filter(([, on]) => on).map(([k]) => k) };
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
   * and its exports alike. Chinese text of three or more characters that starts no name among
   * them is looked for anywhere in names instead (`inside`, pg_trgm).
   */
  private listWhere(query: Record<string, unknown>, ctx: RequestContext) {
    const parsed = parseListQuery(memberListSpec, query); // validates everything, q included
    const scope = regionFilter(ctx.user);
    const text = typeof query.q === 'string' ? query.q.trim() : '';
    const chinese = isNamePrefixSearch(text);
    const { q: _text, ...withoutText } = query;
    return {
      where: { AND: [parsed.where, scope] } as Prisma.MemberWhereInput,
      inside: chinese && [...text].length >= 3 ? ({ AND: [parseListQuery(memberListSpec, withoutText).where, scope, { name: { contains: text } }] } as Prisma.MemberWhereInput) : null,
      orderBy: parsed.orderBy as Prisma.MemberOrderByWithRelationInput[],
      skip: parsed.skip,
      take: parsed.take,
      /** The page's ids can come from the name index alone (see page). */
      byNameIndex: chinese,
    };
  }

  /** What an export of the list query covers: exactly the members the list shows for it. */
  async exportSelection(query: Record<string, unknown>, ctx: RequestContext) {
    const { where, inside, orderBy } = this.listWhere(query, ctx);
    if (inside && !(await this.db.member.findFirst({ where, select: { id: true } }))) return { where: inside, orderBy };
    return { where, orderBy };
  }

  async list(query: Record<string, unknown>, ctx: RequestContext) {
    const q = this.listWhere(query, ctx);
    let { total, rows } = await this.page(q.where, q, q.byNameIndex);
    // Nothing starts with the text: look for it inside names (the count and the page said so at once).
    if (total === 0 && q.inside) ({ total, rows } = await this.page(q.inside, q, false));
    const [visible, labels] = await Promise.all([this.visibility(ctx), this.places.forUnits(rows.map((r) => r.unitId))]);
    if (anyVisible(visible) && rows.length) await this.audit.recordRead(ctx, 'members', null, { ids: rows.map((r) => r.id), ...unmaskedFields(visible) });
    return { total, data: withPlaces(rows, labels).map((r) => toMemberListItem(r, visible)) };
  }

  private async page(where: Prisma.MemberWhereInput, { orderBy, skip, take }: { orderBy: Prisma.MemberOrderByWithRelationInput[]; skip: number; take: number }, byNameIndex: boolean) {
    const [total, rows] = await Promise.all([
      this.totals.count('members', where, () => this.db.member.count({ where })),
      // A name search finds its page's ids in the name index alone, then reads just those rows;
      // reading every match to sort it cost a table page per match.
      byNameIndex
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
    if (!ids?.length) return;
    const found = await db.hobby.count({ where: { id: { in: ids } } });
    if (found !== new Set(ids).size) throw AppError.field('hobbyIds', 'errors.reference');
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
      owner: owner ?? { householdId: -1, idNumber: '' },
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
    const duplicate = (e: { code?: string }) => {
      if (e.code === 'P2002') throw new AppError(409, 'errors.validation', {}, { idNumber: { key: 'members.duplicate' } });
      throw e;
    };
    if (opts.tx) return insert(opts.tx).catch(duplicate);
    const created = await this.db.$transaction(insert).catch(duplicate);
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
    }).catch((e: { code?: string }) => {
      if (e.code === 'P2002') throw new AppError(409, 'errors.validation', {}, { idNumber: { key: 'members.duplicate' } });
      throw e;
    });
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
