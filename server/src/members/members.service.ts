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
import { pinyinKey, readsAsPinyin, toInitials, toPinyin } from './pinyin.js';
import { cardQueryNumber, phoneQueryKey, roomQueryKey } from './search-keys.js';
import { CREATED_FIELD, DELETED_FIELD, diffSnapshots, historyRows, historySnapshot, historySnapshotInclude } from '../records/member-history.js';
import { clubToday } from '../calendar/calendar.service.js';

/** Members an export reads at a time over its cursor. */
const EXPORT_CHUNK = 2000;

const HAN = /\p{Script=Han}/u;
const DIGIT = /[0-9０-９]/;

/** What a search may also use, beside the text: whether the caller sees phones, whose card it names. */
export interface SearchContext {
  /** The caller sees mobiles unmasked (MaskingPolicy): any last digits find them, not only the last four. */
  phonesVisible: boolean;
  /** Members holding the card whose number is the text (cards.cardNo is unique). */
  cardHolderIds: number[];
}

const NO_CONTEXT: SearchContext = { phonesVisible: false, cardHolderIds: [] };

/**
 * `q` finds members as staff type them, each reading one column's prefix, answered by an index
 * that also holds the M-1 keys and the region, so the count and the page's ids never read the
 * table:
 *  - Chinese text: the start of the name ("王", "王晓"; members_name_prefix_idx);
 *  - Latin letters read as pinyin ("wangyi", "wang yi", "lv", "lu muchen"): the start of the
 *    pinyin without spaces, ü = v = u (pinyinKey); otherwise initials ("wyq", "lmc"; initials);
 *  - digits: the mobile (whole, or its last four or more digits; phoneKey, the digits last
 *    first), the room ("502", "3-1-502", "3栋1单元502"; roomKey) or a card number.
 * What starts nothing is then looked for more broadly (`memberSearchInside`); MembersService
 * decides from the count.
 */
export function memberSearch(q: string, c: SearchContext = NO_CONTEXT): Prisma.MemberWhereInput {
  if (DIGIT.test(q)) {
    const phone = HAN.test(q) ? null : phoneQueryKey(q, c.phonesVisible);
    const room = roomQueryKey(q);
    const any: Prisma.MemberWhereInput[] = [
      ...(phone ? [{ phoneKey: { startsWith: phone } }] : []),
      ...(room ? [{ roomKey: { startsWith: room } }] : []),
      ...(c.cardHolderIds.length ? [{ id: { in: c.cardHolderIds } }] : []),
      // Names may carry digits too ("测试AB12", "John 2nd"): text with letters is also a name.
      ...(/\p{L}/u.test(q) ? [{ name: { startsWith: q } }] : []),
    ];
    return any.length === 1 ? any[0] : { OR: any.length ? any : [{ id: { in: [] } }] };
  }
  if (HAN.test(q)) return { name: { startsWith: q } };
  const key = pinyinKey(q);
  if (!key) return { name: { startsWith: q } };
  return readsAsPinyin(key) ? { pinyinKey: { startsWith: key } } : { initials: { startsWith: key } };
}

/**
 * When nothing starts with Latin text: its other reading (initials for what read as pinyin, and
 * the other way round — "ab" for 安博, "john" for John Smith), and three or more characters
 * anywhere in pinyin and names (pg_trgm); Chinese text of three or more characters anywhere in names.
 */
function memberSearchInside(q: string): Prisma.MemberWhereInput | null {
  if (DIGIT.test(q)) return /\p{L}/u.test(q) && [...q].length >= 3 ? { name: { contains: q, mode: 'insensitive' } } : null;
  const inside = [...q].length >= 3;
  if (HAN.test(q)) return inside ? { name: { contains: q } } : null;
  const key = pinyinKey(q);
  if (!key) return null;
  const other: Prisma.MemberWhereInput = readsAsPinyin(key) ? { initials: { startsWith: key } } : { pinyinKey: { startsWith: key } };
  return inside ? { OR: [other, { pinyin: { contains: q.toUpperCase() } }, { name: { contains: q, mode: 'insensitive' } }] } : other;
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
  search: (q) => memberSearch(q),
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

/**
 * The pinyin and initials of an edit: a cleared pinyin, or a new name without one, is filled from
 * the name; the initials follow whenever either changes (the trigger fills the other search keys).
 */
function searchNames(current: { name: string; pinyin: string }, name: string | undefined, pinyin: string | null | undefined) {
  const nextPinyin = pinyin ? pinyin : pinyin === null || name !== undefined ? toPinyin(name ?? current.name) : undefined;
  if (nextPinyin === undefined) return {};
  return { pinyin: nextPinyin, initials: toInitials(name ?? current.name, nextPinyin) };
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
   * and its exports alike. Text that starts no key among them is looked for more broadly instead
   * (`inside`: the other reading of letters, pg_trgm anywhere). `visible` is the caller's masking,
   * when the caller already asked for it.
   */
  private async listWhere(query: Record<string, unknown>, ctx: RequestContext, visible?: Promise<Visibility>) {
    const search = await this.searchContext(query.q, ctx, visible);
    const parsed = parseListQuery({ ...memberListSpec, search: (q) => memberSearch(q, search) }, query);
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

  /**
   * Whether the caller's phone search may use any last digits (phones unmasked for them) and who
   * holds the card the text names — looked up first (cards.cardNo is unique), so the members
   * query stays on the members' own indexes. The region rule applies to what is found as to any
   * search: another region's card holder is not found.
   */
  private async searchContext(q: unknown, ctx: RequestContext, visible?: Promise<Visibility>): Promise<SearchContext> {
    const text = typeof q === 'string' ? q.trim() : '';
    if (!DIGIT.test(text)) return NO_CONTEXT;
    const card = cardQueryNumber(text);
    const [v, cards] = await Promise.all([
      visible ?? this.visibility(ctx),
      card ? this.db.card.findMany({ where: { cardNo: card }, select: { memberId: true } }) : [],
    ]);
    return { phonesVisible: v.phone, cardHolderIds: cards.map((c) => c.memberId) };
  }

  /** What an export of the list query covers — exactly the members the list shows for it — and how many. */
  async exportSelection(query: Record<string, unknown>, ctx: RequestContext) {
    const { where, inside, orderBy } = await this.listWhere(query, ctx);
    const count = (w: Prisma.MemberWhereInput) => this.totals.count('members', w, () => this.db.member.count({ where: w }));
    const total = await count(where);
    if (total === 0 && inside) return { where: inside, orderBy, total: await count(inside) };
    return { where, orderBy, total };
  }

  /** Reads every matching member in pages over a cursor, so a 100,000-row export never holds them all. */
  async *exportPages<S extends Prisma.MemberSelect>(where: Prisma.MemberWhereInput, orderBy: Prisma.MemberOrderByWithRelationInput[], select: S) {
    let cursor: number | undefined;
    for (;;) {
      const rows = (await this.db.member.findMany({
        where,
        orderBy,
        take: EXPORT_CHUNK,
        ...(cursor === undefined ? {} : { cursor: { id: cursor }, skip: 1 }),
        select: { ...select, id: true } as Prisma.MemberSelect,
      })) as unknown as (Prisma.MemberGetPayload<{ select: S }> & { id: number })[];
      if (!rows.length) return;
      yield rows;
      if (rows.length < EXPORT_CHUNK) return;
      cursor = rows[rows.length - 1].id;
    }
  }

  async list(query: Record<string, unknown>, ctx: RequestContext) {
    // Asked once: a search by digits needs it first (phone search and masking), the page after.
    const visibility = this.visibility(ctx);
    visibility.catch(() => undefined); // awaited below; a bad query must not leave it unhandled
    const q = await this.listWhere(query, ctx, visibility);
    let { total, rows } = await this.page(q.where, q, q.bySearchIndex);
    // Nothing starts with the text: look for it anywhere (the count and the page said so at once).
    if (total === 0 && q.inside) ({ total, rows } = await this.page(q.inside, q, false));
    const [visible, labels] = await Promise.all([visibility, this.places.forUnits(rows.map((r) => r.unitId))]);
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
          // The search keys: initials from the characters here, the rest by the trigger members_search_keys.
          initials: toInitials(form.name, form.pinyin ?? toPinyin(form.name)),
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
          ...searchNames(current, form.name, pinyin),
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
