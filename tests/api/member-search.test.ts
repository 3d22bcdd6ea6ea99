// The members search as staff type it: pinyin with or without spaces, initials, ü = v = u, a
// mobile (whole or its last digits), a room as the unit label shows it, a card number — in the
// list's `q` and in the exports that share its where-clause, within the caller's region.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { applicationFor, householdIn } from '../support/member-payload.ts';
import { useApi } from '../support/fixture.ts';
import { initialsOfPinyin, pinyinKey, toInitials } from '../../server/src/members/pinyin.ts';
import { phoneKey, roomKey } from '../../server/src/members/search-keys.ts';

const f = useApi({ members: 300, users: ['officer', 'officer_sh', 'editor'] });

type Found = { ids: number[]; total: number; body: any[] };

async function search(text: string, token = f.tokens.officer): Promise<Found> {
  const r = await f.call('GET', `/api/members?q=${encodeURIComponent(text)}&_end=500`, { token });
  expect(r.status, text).toBe(200);
  return { ids: r.body.map((m: any) => m.id as number), total: Number(r.headers.get('x-total-count')), body: r.body };
}

async function exported(text: string, token = f.tokens.officer): Promise<number[]> {
  const res = await fetch(`${f.api.baseUrl}/api/members/export.xlsx?q=${encodeURIComponent(text)}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, text).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  const ids: number[] = [];
  wb.worksheets[0].eachRow((r, n) => n > 1 && ids.push(Number(r.getCell(1).value)));
  return ids.sort((a, b) => a - b);
}

const created: Record<string, { id: number; mobile: string }> = {};

beforeAll(async () => {
  const nj = await householdIn(f.db, 'NJ');
  const people: [string, string][] = [
    ['王一鸣', '13700001111'],
    ['王亦凡', '13700002222'],
    ['王雨晴', '13700003333'],
    ['吕沐辰', '13912340588'],
    ['卢明', '13600004444'],
  ];
  for (const [name, mobile] of people) {
    const r = await f.call('POST', '/api/members', { token: f.tokens.officer, body: applicationFor(nj, { name, mobile }) });
    expect(r.status, name).toBe(201);
    created[name] = { id: r.body.id, mobile };
  }
});

describe('members search as people type it', () => {
  it('keeps what the trigger stores equal to the rules the query side uses', async () => {
    const rows = await f.db.member.findMany({ include: { unit: true, building: true } });
    for (const m of rows) {
      expect(m.pinyinKey).toBe(pinyinKey(m.pinyin));
      expect(m.phoneKey).toBe(phoneKey(m.mobile));
      expect(m.roomKey).toBe(roomKey(m.building.name, m.unit.number));
      expect(m.initials).toBe(toInitials(m.name, m.pinyin));
    }
    // Without the characters' reading (the import's bulk insert), the database reads the pinyin as pinyin.ts does.
    const derived = await f.db.$queryRaw<{ pinyin: string; name: string; initials: string }[]>`SELECT name, pinyin, member_initials(name, pinyin) AS initials FROM members`;
    for (const d of derived) expect(d.initials, d.pinyin).toBe(initialsOfPinyin(d.name.match(/\p{Script=Han}/u) ? d.pinyin : d.name));
    // A bulk INSERT that names none of the keys (as the Excel import's does) gets them all.
    const [raw] = await f.db.$queryRaw<{ id: number }[]>`
      INSERT INTO members ("householdId", "projectId", "buildingId", "unitId", "regionCode", "ownerId", relation, "joinedOn", title, name, pinyin, sex,
                           "birthDate", "idNumber", mobile, "joinReasons", "updatedAt")
      SELECT "householdId", "projectId", "buildingId", "unitId", "regionCode", "ownerId", 'CHILD', "joinedOn", title, '吕雨晴', 'LÜ YUQING', sex,
             "birthDate", 'X-SEARCH-1', '+86 139-0000-4321', '{}', now() FROM members WHERE id = ${created['王雨晴'].id}
      RETURNING id`;
    const inserted = await f.db.member.findUniqueOrThrow({ where: { id: raw.id }, include: { unit: true, building: true } });
    expect([inserted.pinyinKey, inserted.initials, inserted.phoneKey, inserted.roomKey]).toEqual(['LUYUQING', 'LYQ', phoneKey('8613900004321'), roomKey(inserted.building.name, inserted.unit.number)]);
    expect((await search('lyq')).ids).toContain(raw.id);
    expect((await search('13900004321')).ids).toContain(raw.id);
    await f.db.member.delete({ where: { id: raw.id } });
    // The same row written without initials gets them from the trigger.
    const one = rows.find((m) => m.id === created['王雨晴'].id)!;
    await f.db.$executeRaw`UPDATE members SET initials = '' WHERE id = ${one.id}`;
    expect((await f.db.member.findUniqueOrThrow({ where: { id: one.id } })).initials).toBe('WYQ');
  });

  it('ignores spaces: "wangyi" finds what "wang yi" finds', async () => {
    const joined = await search('wangyi');
    const spaced = await search('wang yi');
    expect(joined.ids).toContain(created['王一鸣'].id);
    expect(joined.ids).toContain(created['王亦凡'].id);
    expect(joined.ids).toEqual(spaced.ids);
    expect(joined.total).toBe(await f.db.member.count({ where: { pinyinKey: { startsWith: 'WANGYI' } } }));
    expect(joined.body.every((m: any) => pinyinKey(m.pinyin).startsWith('WANGYI'))).toBe(true);
  });

  it('matches initials: "wyq" finds 王雨晴', async () => {
    const r = await search('wyq');
    expect(r.ids).toContain(created['王雨晴'].id);
    const expected = await f.db.member.findMany({ where: { initials: { startsWith: 'WYQ' } }, select: { id: true } });
    expect(r.ids.sort()).toEqual(expected.map((m) => m.id).sort());
    expect(r.body.every((m: any) => [...m.name][0] !== undefined && toInitials(m.name, m.pinyin).startsWith('WYQ'))).toBe(true);
  });

  it('treats ü, v and u alike: lv, lu, lü, lu muchen, lumuchen and lmc all find 吕沐辰', async () => {
    const lv = created['吕沐辰'].id;
    for (const text of ['lv', 'lu', 'lü', 'LÜ', 'lu muchen', 'lumuchen', 'lv muchen', 'lvmuc', 'lmc', 'LMC']) expect((await search(text)).ids, text).toContain(lv);
    // "lu" is also 卢: both readings of the letters are found.
    expect((await search('lu')).ids).toContain(created['卢明'].id);
    expect((await search('lv')).ids).toEqual((await search('lu')).ids);
    expect((await search('lumuchen')).ids).not.toContain(created['卢明'].id);
  });

  it('finds a member by the whole mobile and by its last four or more digits', async () => {
    const { id, mobile } = created['吕沐辰'];
    for (const text of [mobile, `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`, mobile.slice(-4), mobile.slice(-6)]) {
      const r = await search(text);
      expect(r.ids, text).toContain(id);
      expect(r.body.every((m: any) => m.mobile.endsWith(text.replace(/\D/g, '').slice(-4)) || m.id !== id)).toBe(true);
    }
    const last4 = await search(mobile.slice(-4));
    const byPhone = await f.db.member.count({ where: { mobile: { endsWith: mobile.slice(-4) } } });
    expect(last4.total).toBeGreaterThanOrEqual(byPhone);
    expect(last4.body.filter((m: any) => m.mobile.endsWith(mobile.slice(-4))).length).toBe(byPhone);
  });

  it('lets a caller who sees phones masked search by the last four digits or the whole number, not by part of the hidden digits', async () => {
    const { id, mobile } = created['吕沐辰'];
    const whole = await search(mobile, f.tokens.editor);
    expect(whole.ids).toContain(id);
    expect(whole.body.find((m: any) => m.id === id).mobile).toBe(`${mobile.slice(0, 3)}****${mobile.slice(-4)}`); // found, not revealed
    expect((await search(mobile.slice(-4), f.tokens.editor)).ids).toContain(id);
    // Five to ten digits would tell the hidden ones one by one.
    expect((await search(mobile.slice(-5), f.tokens.editor)).ids).not.toContain(id);
    expect((await search(mobile.slice(-5))).ids).toContain(id);
  });

  it('finds the holder of a card by its number', async () => {
    const member = await f.db.member.findUniqueOrThrow({ where: { id: created['王亦凡'].id } });
    const staff = await f.db.staffUser.findFirstOrThrow();
    const range = await f.db.cardRange.create({ data: { prefix: 'TS9-', fromNo: 1, toNo: 999, nextNo: 2, digits: 5, projectId: member.projectId, createdById: staff.id } });
    await f.db.card.create({ data: { cardNo: 'TS9-00001', rangeId: range.id, memberId: member.id, householdId: member.householdId } });
    for (const text of ['TS9-00001', 'ts9-00001', ' ts9-00001 ']) expect((await search(text)).ids, text).toEqual([member.id]);
    expect((await search('TS9-00002')).ids).toEqual([]);
    expect(await exported('ts9-00001')).toEqual([member.id]);
  });

  it('finds the members of a unit by its room as the unit label shows it: "502", "3-502", "3栋502室", "3-1-502", "3栋1单元502"', async () => {
    const m = await f.db.member.findFirstOrThrow({ where: { id: { notIn: Object.values(created).map((c) => c.id) } }, include: { unit: true, building: true }, orderBy: { id: 'asc' } });
    const b = m.building.name.match(/\d+/)![0];
    const room = m.unit.number;
    const sameRoom = await f.db.member.findMany({ where: { unit: { number: room } }, select: { id: true } });
    const inUnit = await f.db.member.findMany({ where: { unitId: m.unitId }, select: { id: true } });
    const sameBuildingRoom = await f.db.member.findMany({ where: { unit: { number: room, building: { name: m.building.name } } }, select: { id: true } });

    const byRoom = await search(room);
    expect(byRoom.ids).toEqual(expect.arrayContaining(sameRoom.map((x) => x.id)));
    for (const text of [`${b}-${room}`, `${m.building.name}${room}室`, `${m.building.name}${room}`]) {
      const r = await search(text);
      expect(r.ids.sort(), text).toEqual(sameBuildingRoom.map((x) => x.id).sort());
      expect(r.ids).toEqual(expect.arrayContaining(inUnit.map((x) => x.id)));
    }
    // With the project as context (the list's filter), just the unit.
    const inProject = await f.call('GET', `/api/members?projectId=${m.projectId}&q=${encodeURIComponent(`${b}-${room}`)}&_end=100`, { token: f.tokens.officer });
    expect(inProject.body.map((x: any) => x.id).sort()).toEqual(inUnit.map((x) => x.id).sort());

    // A building named with its entrance ("3栋1单元"): renaming it refreshes its members' rooms.
    await f.db.building.update({ where: { id: m.buildingId }, data: { name: `${b}栋1单元` } });
    try {
      for (const text of [`${b}-1-${room}`, `${b}栋1单元${room}`, `${b}栋1单元${room}室`, `${b}-${room}`]) {
        const r = await search(text);
        expect(r.ids, text).toEqual(expect.arrayContaining(inUnit.map((x) => x.id)));
        expect(r.body.every((x: any) => x.unitNumber === room), text).toBe(true);
      }
      expect((await search(`${b}-2-${room}`)).ids).not.toContain(m.id);
    } finally {
      await f.db.building.update({ where: { id: m.buildingId }, data: { name: m.building.name } });
    }
    expect((await f.db.member.findUniqueOrThrow({ where: { id: m.id } })).roomKey).toBe(roomKey(m.building.name, room));
  });

  it('never finds another region’s member, by name, pinyin, initials, phone, card or room', async () => {
    const lv = await f.db.member.findUniqueOrThrow({ where: { id: created['吕沐辰'].id }, include: { unit: true, building: true } });
    const texts = ['吕沐辰', 'lumuchen', 'lv', 'lmc', 'wyq', 'wangyi', lv.mobile, lv.mobile.slice(-4), 'TS9-00001', lv.unit.number, `${lv.building.name}${lv.unit.number}室`];
    for (const text of texts) {
      const r = await search(text, f.tokens.officer_sh);
      expect(r.body.every((m: any) => m.regionCode === 'SH'), text).toBe(true);
      expect(r.ids, text).not.toContain(lv.id);
      expect(await exported(text, f.tokens.officer_sh), text).toEqual([...r.ids].sort((a, b) => a - b));
    }
    expect((await search('lumuchen')).ids).toContain(lv.id); // the group's officer does
  });

  it('exports exactly what the list shows for each kind of search', async () => {
    const lv = await f.db.member.findUniqueOrThrow({ where: { id: created['吕沐辰'].id }, include: { unit: true } });
    for (const text of ['wangyi', 'wang yi', 'wyq', 'lv', 'lmc', lv.mobile, lv.mobile.slice(-4), lv.unit.number, 'john smith', 'xyzq']) {
      const listed = await search(text);
      expect(await exported(text), text).toEqual([...listed.ids].sort((a, b) => a - b));
    }
  });

  it('keeps the search keys when a member is edited: a new name or mobile is found, the old one no longer', async () => {
    const { id } = created['卢明'];
    const r = await f.call('PATCH', `/api/members/${id}`, { token: f.tokens.officer, body: { name: '吕明远', mobile: '13598760123' } });
    expect([200, 201]).toContain(r.status);
    expect((await search('lmy')).ids).toContain(id);
    expect((await search('lvmingyuan')).ids).toContain(id);
    expect((await search('0123')).ids).toContain(id);
    expect((await search('4444')).ids).not.toContain(id);
  });
});

describe('names with digits', () => {
  it('a name that mixes characters, letters and digits is found by itself (not taken for a room or a phone)', async () => {
    const h = await householdIn(f.db, 'NJ');
    const created = await f.call('POST', '/api/members', { token: f.tokens.officer, body: applicationFor(h, { name: '测试AB12' }) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const r = await f.call('GET', `/api/members?q=${encodeURIComponent('测试AB12')}`, { token: f.tokens.officer });
    expect(r.body.map((m: any) => m.id)).toEqual([created.body.id]);
  });
});
