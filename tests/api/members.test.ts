import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { applicationFor, householdIn } from '../support/member-payload.ts';
import { useApi } from '../support/fixture.ts';

const f = useApi({ members: 300, users: ['officer', 'officer_sh', 'editor'] });


describe('members list (simple-rest contract)', () => {
  it('pages with _start/_end and reports the total in X-Total-Count', async () => {
    const r = await f.call('GET', '/api/members?_start=10&_end=30', { token: f.tokens.officer });
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(20);
    expect(r.headers.get('x-total-count')).toBe(String(await f.db.member.count()));
  });

  it('lists in project, building, unit order by default (M-1)', async () => {
    const r = await f.call('GET', '/api/members?_start=0&_end=300', { token: f.tokens.officer });
    const keys = r.body.map((m: any) => [m.projectId, m.buildingId, m.unitId, m.id]);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
    expect(keys).toEqual(sorted);
  });

  it('a Chinese name finds the names that start with it, in M-1 order, page after page; three or more characters that start no name are found anywhere in names', async () => {
    const firsts = new Map<string, number>();
    for (const { name } of await f.db.member.findMany({ select: { name: true } })) firsts.set([...name][0], (firsts.get([...name][0]) ?? 0) + 1);
    const [surname] = [...firsts].sort((x, y) => y[1] - x[1])[0]; // the commonest surname: several pages of it
    const expected = (await f.db.member.findMany({ where: { name: { startsWith: surname } }, orderBy: [{ projectId: 'asc' }, { buildingId: 'asc' }, { unitId: 'asc' }, { id: 'asc' }], select: { id: true } })).map((m) => m.id);
    expect(expected.length).toBeGreaterThan(3);
    const pages: number[] = [];
    for (let start = 0; start < expected.length; start += 3) {
      const r = await f.call('GET', `/api/members?q=${encodeURIComponent(surname)}&_start=${start}&_end=${start + 3}`, { token: f.tokens.officer });
      expect(r.status).toBe(200);
      expect(Number(r.headers.get('x-total-count'))).toBe(expected.length);
      pages.push(...r.body.map((m: any) => m.id));
      expect(r.body.every((m: any) => m.name.startsWith(surname) && typeof m.projectName === 'string' && m.projectName.length > 0)).toBe(true);
    }
    expect(pages).toEqual(expected);

    // 欧阳晓岚: "欧阳晓" starts her name; "阳晓岚" starts no name and is found inside hers.
    const created = await f.call('POST', '/api/members', { token: f.tokens.officer, body: applicationFor(await householdIn(f.db, 'NJ'), { name: '欧阳晓岚' }) });
    expect(created.status).toBe(201);
    const ids = async (text: string, token = f.tokens.officer) => (await f.call('GET', `/api/members?q=${encodeURIComponent(text)}&_end=100`, { token })).body.map((m: any) => m.id) as number[];
    expect(await ids('欧阳晓')).toEqual([created.body.id]);
    expect(await ids('阳晓岚')).toEqual([created.body.id]);
    expect(await ids('阳晓')).toEqual([]); // two characters: the start of names only
    expect(await ids(created.body.pinyin.toLowerCase())).toContain(created.body.id); // pinyin, in Latin letters
    expect(await ids('阳晓岚', f.tokens.officer_sh)).toEqual([]); // the Shanghai f.tokens.officer does not see Nanjing

    // The Excel export of a search has the same members as the list.
    for (const text of ['阳晓岚', surname]) {
      const res = await fetch(`${f.api.baseUrl}/api/members/export.xlsx?q=${encodeURIComponent(text)}`, { headers: { authorization: `Bearer ${f.tokens.officer}` } });
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
      const exported: number[] = [];
      wb.worksheets[0].eachRow((r, n) => n > 1 && exported.push(Number(r.getCell(1).value)));
      const listed = (await f.call('GET', `/api/members?q=${encodeURIComponent(text)}&_end=1000`, { token: f.tokens.officer })).body.map((m: any) => m.id as number);
      expect(exported.sort((x, y) => x - y)).toEqual(listed.sort((x: number, y: number) => x - y));
    }
  });

  it('a name in Latin letters is its own pinyin, found by what staff type; the old converter’s pinyin is repaired', async () => {
    const created = await f.call('POST', '/api/members', { token: f.tokens.officer, body: applicationFor(await householdIn(f.db, 'NJ'), { name: 'John Smith' }) });
    expect(created.status).toBe(201);
    expect(created.body.pinyin).toBe('JOHN SMITH');
    const found = await f.call('GET', '/api/members?q=john&_end=50', { token: f.tokens.officer });
    expect(found.body.map((m: any) => m.id)).toContain(created.body.id);

    // What the converter wrote before (split after the first letter), and a pinyin staff typed.
    await f.db.member.update({ where: { id: created.body.id }, data: { pinyin: 'J OHN SMITH' } });
    const typed = await f.db.member.findFirstOrThrow({ where: { id: { not: created.body.id } }, orderBy: { id: 'asc' } });
    const repair = readFileSync(new URL('../../prisma/migrations/20261123090000_latin_name_pinyin/migration.sql', import.meta.url), 'utf8');
    await f.db.$executeRawUnsafe(repair);
    expect((await f.db.member.findUniqueOrThrow({ where: { id: created.body.id } })).pinyin).toBe('JOHN SMITH');
    expect((await f.db.member.findUniqueOrThrow({ where: { id: typed.id } })).pinyin).toBe(typed.pinyin);
    expect((await f.call('DELETE', `/api/members/${created.body.id}`, { token: f.tokens.officer })).status).toBe(200);
  });

  it('sorts, filters by project/building/unit and searches name and pinyin', async () => {
    const any = await f.db.member.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const byUnit = await f.call('GET', `/api/members?projectId=${any.projectId}&buildingId=${any.buildingId}&unitId=${any.unitId}`, { token: f.tokens.officer });
    expect(byUnit.body.map((m: any) => m.id)).toContain(any.id);
    expect(byUnit.body.every((m: any) => m.unitId === any.unitId)).toBe(true);

    const sorted = await f.call('GET', '/api/members?_sort=joinedOn&_order=desc&_start=0&_end=50', { token: f.tokens.officer });
    const dates = sorted.body.map((m: any) => m.joinedOn);
    expect(dates).toEqual([...dates].sort().reverse());

    const byName = await f.call('GET', `/api/members?q=${encodeURIComponent(any.name)}`, { token: f.tokens.officer });
    expect(byName.body.map((m: any) => m.id)).toContain(any.id);
    const byPinyin = await f.call('GET', `/api/members?q=${encodeURIComponent(any.pinyin.toLowerCase())}&_end=500`, { token: f.tokens.officer });
    expect(byPinyin.body.map((m: any) => m.id)).toContain(any.id);
    // The given name's letters: the pinyin that start with them, or — when none does — those containing them.
    const given = any.pinyin.split(' ')[1];
    const byGiven = await f.call('GET', `/api/members?q=${given.toLowerCase()}&_end=500`, { token: f.tokens.officer });
    if (given.length >= 3 && (await f.db.member.count({ where: { pinyin: { startsWith: given } } })) === 0) {
      expect(byGiven.body.map((m: any) => m.id)).toContain(any.id);
      expect(byGiven.body.every((m: any) => m.pinyin.includes(given) || m.name.toUpperCase().includes(given))).toBe(true);
    } else {
      expect(byGiven.body.every((m: any) => m.pinyin.startsWith(given))).toBe(true);
    }

    const surname = any.pinyin.split(' ')[0];
    const lower = await f.call('GET', `/api/members?q=${surname.toLowerCase()}&_end=500`, { token: f.tokens.officer });
    expect(lower.body.length).toBeGreaterThan(0);
    expect(lower.body.every((m: any) => m.pinyin.startsWith(surname))).toBe(true);
    expect(Number(lower.headers.get('x-total-count'))).toBe(await f.db.member.count({ where: { pinyin: { startsWith: surname } } }));
    const firstChar = [...any.name][0];
    const byFirstChar = await f.call('GET', `/api/members?q=${encodeURIComponent(firstChar)}&_end=500`, { token: f.tokens.officer });
    expect(byFirstChar.body.every((m: any) => m.name.startsWith(firstChar))).toBe(true);

    const range = await f.call('GET', '/api/members?joinedOn_gte=2024-01-01&joinedOn_lte=2024-12-31&sex_ne=MALE&_end=500', { token: f.tokens.officer });
    expect(range.body.length).toBeGreaterThan(0);
    expect(range.body.every((m: any) => m.joinedOn >= '2024-01-01' && m.joinedOn <= '2024-12-31' && m.sex === 'FEMALE')).toBe(true);
    expect(Number(range.headers.get('x-total-count'))).toBe(
      await f.db.member.count({ where: { joinedOn: { gte: new Date('2024-01-01'), lte: new Date('2024-12-31') }, sex: 'FEMALE' } }),
    );
  });
});

describe('M-11 masking and the audit log', () => {
  it('masks ID numbers, phones, addresses and birthdays for roles that may not read them', async () => {
    const m = await f.db.member.findFirstOrThrow({ where: { homeAddress: { not: null } } });
    const r = await f.call('GET', `/api/members/${m.id}`, { token: f.tokens.editor });
    expect(r.status).toBe(200);
    expect(r.body.masked).toBe(true);
    expect(r.body.idNumber).not.toBe(m.idNumber);
    expect(r.body.idNumber).toMatch(/^\d{4}\*+\w{4}$/);
    expect(r.body.mobile).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(r.body.birthDate).toMatch(/^\d{4}-\*\*-\*\*$/);
    expect(r.body.homeAddress).toMatch(/\*{4}$/);
    const list = await f.call('GET', '/api/members?_end=5', { token: f.tokens.editor });
    expect(list.body.every((x: any) => x.mobile.includes('*'))).toBe(true);
    expect(await f.db.auditLog.count({ where: { action: 'READ_UNMASKED', actorName: 'editor' } })).toBe(0);
  });

  it('shows the member officer unmasked data and logs every such read', async () => {
    const m = await f.db.member.findFirstOrThrow();
    const before = await f.db.auditLog.count({ where: { action: 'READ_UNMASKED', actorName: 'officer' } });
    const r = await f.call('GET', `/api/members/${m.id}`, { token: f.tokens.officer });
    expect(r.body.idNumber).toBe(m.idNumber);
    expect(r.body.masked).toBe(false);
    await f.call('GET', '/api/members?_end=3', { token: f.tokens.officer });
    const after = await f.db.auditLog.findMany({ where: { action: 'READ_UNMASKED', actorName: 'officer' }, orderBy: { id: 'desc' }, take: 2 });
    expect(after).toHaveLength(2);
    expect(await f.db.auditLog.count({ where: { action: 'READ_UNMASKED', actorName: 'officer' } })).toBe(before + 2);
    expect(after[1].recordId).toBe(String(m.id));
    expect((after[0].detail as { ids: number[] }).ids).toHaveLength(3);
  });
});

describe('M-11 audit under concurrency', () => {
  it('logs every one of many simultaneous unmasked reads before answering it', async () => {
    const before = await f.db.auditLog.count({ where: { action: 'READ_UNMASKED', actorName: 'officer' } });
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => f.call('GET', `/api/members?_start=${i}&_end=${i + 2}`, { token: f.tokens.officer })));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    // Each answer was sent only after its entry was committed, so all are there now.
    const after = await f.db.auditLog.findMany({ where: { action: 'READ_UNMASKED', actorName: 'officer' }, orderBy: { id: 'desc' }, take: 25 });
    expect(await f.db.auditLog.count({ where: { action: 'READ_UNMASKED', actorName: 'officer' } })).toBe(before + 25);
    expect(new Set(after.map((a) => a.requestId)).size).toBe(25);
  });
});

describe('creating members (M-2, M-4)', () => {
  it('creates a member with the whole form, family members and hobbies', async () => {
    const h = await householdIn(f.db, 'NJ');
    const r = await f.call('POST', '/api/members', { token: f.tokens.officer, body: applicationFor(h) });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: '林晓梅', pinyin: 'LIN XIAOMEI', relation: 'SPOUSE', hobbyIds: [1, 3], regionCode: 'NJ', projectId: h.projectId });
    expect(r.body.familyMembers).toEqual([expect.objectContaining({ name: '林小宝', birthDate: '2012-03-04', relation: 'CHILD' })]);
    const audit = await f.db.auditLog.findFirst({ where: { action: 'CREATE', recordId: String(r.body.id) } });
    expect(audit?.actorName).toBe('officer');
  });

  it('refuses an applicant under 18, on the birth-date field', async () => {
    const h = await householdIn(f.db, 'NJ');
    const now = new Date();
    const seventeen = `${now.getFullYear() - 17}-${String(now.getMonth() + 1).padStart(2, '0')}-01`;
    const r = await f.call('POST', '/api/members', { token: f.tokens.officer, body: applicationFor(h, { birthDate: seventeen }) });
    expect(r.status).toBe(400);
    expect(r.body.errors.birthDate).toBe('申请人须年满 18 周岁');
    const en = await f.call('POST', '/api/members', { token: f.tokens.officer, lang: 'en', body: applicationFor(h, { birthDate: seventeen }) });
    expect(en.body.errors.birthDate).toBe('The applicant must be at least 18');
  });

  it('accepts only owners, spouses and immediate family of an owner of that unit', async () => {
    const nj = await householdIn(f.db, 'NJ');
    const sz = await householdIn(f.db, 'SZ');
    const otherOwner = await f.call('POST', '/api/members', { token: f.tokens.officer, body: applicationFor({ householdId: nj.householdId, ownerId: sz.ownerId }) });
    expect(otherOwner.status).toBe(400);
    expect(otherOwner.body.errors).toHaveProperty('ownerId');
    const notTheOwner = await f.call('POST', '/api/members', { token: f.tokens.officer, body: applicationFor(nj, { relation: 'OWNER' }) });
    expect(notTheOwner.status).toBe(400);
    expect(notTheOwner.body.errors).toHaveProperty('idNumber');
    const friend = await f.call('POST', '/api/members', { token: f.tokens.officer, body: applicationFor(nj, { relation: 'FRIEND' }) });
    expect(friend.status).toBe(400);
    expect(friend.body.errors).toHaveProperty('relation');
  });

  it('refuses the same ID number twice in a household with 409 on the field', async () => {
    const h = await householdIn(f.db, 'SZ');
    const body = applicationFor(h);
    expect((await f.call('POST', '/api/members', { token: f.tokens.officer, body })).status).toBe(201);
    const again = await f.call('POST', '/api/members', { token: f.tokens.officer, body });
    expect(again.status).toBe(409);
    expect(again.body.errors).toHaveProperty('idNumber');
  });

  it('needs the create permission', async () => {
    const h = await householdIn(f.db, 'NJ');
    expect((await f.call('POST', '/api/members', { token: f.tokens.editor, body: applicationFor(h) })).status).toBe(403);
  });
});

describe('editing and deleting', () => {
  it('changes only the fields sent, keeps M-2 on edits and replaces nested lists', async () => {
    const h = await householdIn(f.db, 'NJ');
    const created = await f.call('POST', '/api/members', { token: f.tokens.officer, body: applicationFor(h) });
    const id = created.body.id;
    const r = await f.call('PATCH', `/api/members/${id}`, { token: f.tokens.officer, body: { name: '林晓芳', hobbyIds: [2], familyMembers: [] } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: '林晓芳', pinyin: 'LIN XIAOFANG', hobbyIds: [2], familyMembers: [], mobile: '13912345678' });
    const young = await f.call('PATCH', `/api/members/${id}`, { token: f.tokens.officer, body: { birthDate: '2020-01-01' } });
    expect(young.status).toBe(400);
    expect(young.body.errors).toHaveProperty('birthDate');
    const fixed = await f.call('PATCH', `/api/members/${id}`, { token: f.tokens.officer, body: { householdId: 1 } });
    expect(fixed.status).toBe(400);
    expect(fixed.body.errors).toHaveProperty('householdId');
    expect((await f.call('DELETE', `/api/members/${id}`, { token: f.tokens.officer })).status).toBe(200);
    expect((await f.call('GET', `/api/members/${id}`, { token: f.tokens.officer })).status).toBe(404);
  });
});

describe('regions (seed 001)', () => {
  it('a regional officer sees only the region, and other regions answer 404', async () => {
    const list = await f.call('GET', '/api/members?_end=500', { token: f.tokens.officer_sh });
    expect(list.body.length).toBeGreaterThan(0);
    expect(list.body.every((m: any) => m.regionCode === 'SH')).toBe(true);
    expect(Number(list.headers.get('x-total-count'))).toBe(await f.db.member.count({ where: { regionCode: 'SH' } }));

    const nj = await f.db.member.findFirstOrThrow({ where: { regionCode: 'NJ' } });
    expect((await f.call('GET', `/api/members/${nj.id}`, { token: f.tokens.officer_sh })).status).toBe(404);
    expect((await f.call('PATCH', `/api/members/${nj.id}`, { token: f.tokens.officer_sh, body: { name: '改名' } })).status).toBe(404);
    expect((await f.call('DELETE', `/api/members/${nj.id}`, { token: f.tokens.officer_sh })).status).toBe(404);
    expect((await f.db.member.findUniqueOrThrow({ where: { id: nj.id } })).name).toBe(nj.name);

    const njHousehold = await householdIn(f.db, 'NJ');
    const create = await f.call('POST', '/api/members', { token: f.tokens.officer_sh, body: applicationFor(njHousehold) });
    expect(create.status).toBe(400);
    expect(create.body.errors).toHaveProperty('householdId');

    const projects = await f.call('GET', '/api/projects', { token: f.tokens.officer_sh });
    expect(projects.body.every((p: any) => p.regionCode === 'SH')).toBe(true);
    const foreignProject = await f.db.project.findFirstOrThrow({ where: { regionCode: 'NJ' } });
    expect((await f.call('GET', `/api/projects/${foreignProject.id}`, { token: f.tokens.officer_sh })).status).toBe(404);
  });
});

describe('reference lists', () => {
  it('serves projects, buildings, units, households with owners and hobbies', async () => {
    const projects = await f.call('GET', '/api/projects', { token: f.tokens.officer });
    expect(projects.body.length).toBeGreaterThanOrEqual(3);
    const buildings = await f.call('GET', `/api/buildings?projectId=${projects.body[0].id}`, { token: f.tokens.officer });
    expect(buildings.body[0]).toMatchObject({ projectId: projects.body[0].id, name: '1栋' });
    const units = await f.call('GET', `/api/units?buildingId=${buildings.body[0].id}`, { token: f.tokens.officer });
    expect(units.body.length).toBe(72);
    const household = await f.db.household.findFirstOrThrow({ include: { owners: true } });
    const hh = await f.call('GET', `/api/households?unitId=${household.unitId}`, { token: f.tokens.officer });
    expect(hh.body[0].owners.map((o: any) => o.id)).toEqual(household.owners.map((o) => o.id));
    const hobbies = await f.call('GET', '/api/hobbies', { token: f.tokens.officer });
    expect(hobbies.body).toHaveLength(21);
    expect(hobbies.body[0]).toMatchObject({ code: 'fitness', nameZh: '健身' });
  });
});
