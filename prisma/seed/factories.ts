// Typed factories for realistic zh-CN club data, shared by the demo seed, the benchmark seed and
// the tests. Each call takes the faker instance so a seeded faker gives repeatable data, and a
// running sequence keeps unique keys (ID numbers, project codes) unique.
import { Faker, base, en, fakerZH_CN, zh_CN } from '@faker-js/faker';
import { toInitials, toPinyin } from '../../server/src/members/pinyin.ts';
import { clubToday } from '../../server/src/calendar/calendar.service.ts';
import type { Prisma } from '../../server/src/generated/prisma/client.ts';

export type { Faker };
export { fakerZH_CN };

/** A zh-CN faker of its own (like fakerZH_CN), so two seeds running at once each get repeatable data. */
export function newFaker(seed: number): Faker {
  const f = new Faker({ locale: [zh_CN, en, base] });
  f.seed(seed);
  return f;
}

let sequence = 0;
/** A number never returned before in this process. */
export function nextSeq(): number {
  sequence += 1;
  return sequence;
}

export const REGIONS = [
  { code: 'NJ', name: '南京区域', city: '南京市', districts: ['鼓楼区', '玄武区', '建邺区', '秦淮区', '栖霞区', '江宁区'], area: '320102' },
  { code: 'SH', name: '上海区域', city: '上海市', districts: ['浦东新区', '徐汇区', '闵行区', '长宁区', '静安区'], area: '310115' },
  { code: 'SZ', name: '苏州区域', city: '苏州市', districts: ['姑苏区', '工业园区', '吴中区', '相城区'], area: '320508' },
] as const;

let projectCount = 0;
const PHASES = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const PROJECT_NAMES = ['金陵御府', '滨江壹号', '湖畔花园', '紫金山庄', '星河湾', '香樟园', '翡翠城', '锦绣天地', '云栖里', '玺园'];
const STREETS = ['中山路', '北京西路', '汉中路', '龙蟠路', '江东中路', '世纪大道', '虹桥路', '人民路', '金鸡湖大道', '干将路', '长江路', '珠江路'];
const EMPLOYERS = ['科技有限公司', '贸易有限公司', '建设集团', '银行分行', '律师事务所', '医院', '中学', '投资管理有限公司', '设计院', '物流有限公司'];
const POSITIONS = ['总经理', '部门经理', '工程师', '教师', '医生', '会计', '律师', '设计师', '主管', '职员'];
const BUSINESS = ['信息技术', '金融', '制造业', '教育', '医疗', '房地产', '贸易', '法律服务', '咨询', '政府机关'];
const CARS = [['奥迪 A6L', '苏A'], ['宝马 5系', '沪A'], ['大众 帕萨特', '苏E'], ['丰田 凯美瑞', '苏A'], ['奔驰 E级', '沪B'], ['特斯拉 Model 3', '苏E'], ['比亚迪 汉', '苏A']] as const;

/** A valid 18-digit resident ID number (GB 11643) for the birth date and sex. */
export function idNumberFor(areaCode: string, birthDate: Date, sex: 'MALE' | 'FEMALE', serial: number): string {
  const ymd = birthDate.toISOString().slice(0, 10).replaceAll('-', '');
  let order = (serial % 499) * 2 + 1; // odd for men
  if (sex === 'FEMALE') order -= 1;
  const body = `${areaCode}${ymd}${String(order).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

/** A unique 18-character ID number: the sequence goes into the order digits and area code. */
export function uniqueIdNumber(f: Faker, birthDate: Date, sex: 'MALE' | 'FEMALE', areaPrefix = '32'): string {
  const seq = nextSeq();
  const area = `${areaPrefix}${String(Math.floor(seq / 499) % 10000).padStart(4, '0')}`;
  return idNumberFor(area, birthDate, sex, seq);
}

export function mobile(f: Faker): string {
  return `1${f.helpers.arrayElement(['39', '38', '37', '36', '35', '50', '51', '58', '59', '86', '88', '77', '33'])}${f.string.numeric(8)}`;
}

export function dateBetween(f: Faker, from: string, to: string): Date {
  const d = f.date.between({ from: `${from}T00:00:00Z`, to: `${to}T00:00:00Z` });
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export { toPinyin };

export function personName(f: Faker, sex: 'MALE' | 'FEMALE'): string {
  return `${f.person.lastName()}${f.person.firstName(sex === 'MALE' ? 'male' : 'female')}`;
}

export function regionInput(index = 0): Prisma.RegionCreateManyInput {
  const r = REGIONS[index % REGIONS.length];
  return { code: r.code, name: r.name };
}

export function projectInput(f: Faker, regionIndex: number, overrides: Partial<Prisma.ProjectCreateManyInput> = {}): Prisma.ProjectCreateManyInput {
  const r = REGIONS[regionIndex % REGIONS.length];
  const seq = nextSeq();
  projectCount += 1;
  // 金陵御府, 滨江壹号, … then 金陵御府二期, 滨江壹号二期, …
  const phase = Math.floor((projectCount - 1) / PROJECT_NAMES.length);
  const name = `${PROJECT_NAMES[(projectCount - 1) % PROJECT_NAMES.length]}${phase > 0 ? `${PHASES[phase % PHASES.length]}期` : ''}${phase >= PHASES.length ? Math.floor(phase / PHASES.length) + 1 : ''}`;
  return {
    code: `P${String(seq).padStart(5, '0')}`,
    name,
    regionCode: r.code,
    city: r.city,
    address: `${r.city}${f.helpers.arrayElement(r.districts)}${f.helpers.arrayElement(STREETS)}${f.number.int({ min: 1, max: 999 })}号`,
    newlyLaunched: false,
    launchedOn: dateBetween(f, '2012-01-01', '2024-12-31'),
    ...overrides,
  };
}

export function buildingInput(projectId: number, n: number): Prisma.BuildingCreateManyInput {
  return { projectId, name: `${n}栋`, sortOrder: n };
}

export function unitInput(projectId: number, buildingId: number, floor: number, door: number): Prisma.UnitCreateManyInput {
  return { projectId, buildingId, number: `${floor}${String(door).padStart(2, '0')}`, floor, areaSqm: String(80 + ((floor * 7 + door * 13) % 140)) };
}

/** A household that bought the unit, by default between 2012 and mid-2026; `within` narrows it (e.g. after the launch, before today). */
export function householdInput(f: Faker, unit: { id: number; projectId: number }, within: { from?: Date | null; to?: Date } = {}): Prisma.HouseholdCreateManyInput {
  const from = within.from ? within.from.toISOString().slice(0, 10) : '2012-01-01';
  const to = within.to ? within.to.toISOString().slice(0, 10) : '2026-06-30';
  return {
    unitId: unit.id,
    projectId: unit.projectId,
    contractNo: `HT${f.string.numeric(10)}`,
    purchasedOn: dateBetween(f, from, to < from ? from : to),
  };
}

export interface PersonSketch {
  name: string;
  sex: 'MALE' | 'FEMALE';
  birthDate: Date;
  idNumber: string;
}

export function person(f: Faker, bornFrom = '1945-01-01', bornTo = '2000-12-31'): PersonSketch {
  const sex = f.helpers.arrayElement(['MALE', 'FEMALE'] as const);
  const birthDate = dateBetween(f, bornFrom, bornTo);
  return { name: personName(f, sex), sex, birthDate, idNumber: uniqueIdNumber(f, birthDate, sex) };
}

export function ownerInput(f: Faker, householdId: number, p: PersonSketch = person(f)): Prisma.HouseholdOwnerCreateManyInput {
  return { householdId, name: p.name, idNumber: p.idNumber, mobile: mobile(f) };
}

export interface MemberPlace {
  householdId: number;
  projectId: number;
  buildingId: number;
  unitId: number;
  regionCode: string;
  ownerId: number;
  projectName: string;
  unitLabel: string;
  city: string;
  district: string;
}

/** A complete application form (M-4) for someone of the household. */
export function memberInput(
  f: Faker,
  place: MemberPlace,
  relation: 'OWNER' | 'SPOUSE' | 'PARENT' | 'CHILD' | 'GRANDPARENT' | 'GRANDCHILD',
  p: PersonSketch,
  joinedOn: Date = dateBetween(f, '2018-01-01', clubToday().toISOString().slice(0, 10)),
): Prisma.MemberCreateManyInput {
  const employed = f.number.float() < 0.75;
  const married = f.number.float() < 0.7;
  const hasCar = f.number.float() < 0.6;
  const car = f.helpers.arrayElement(CARS);
  const age = joinedOn.getUTCFullYear() - p.birthDate.getUTCFullYear();
  const title = p.sex === 'MALE' ? 'MR' : married ? f.helpers.arrayElement(['MRS', 'MS'] as const) : f.helpers.arrayElement(['MISS', 'MS'] as const);
  const employer = `${place.city.replace('市', '')}${f.helpers.arrayElement(['华信', '恒通', '鼎盛', '宏远', '新世纪', '博雅', '天元'])}${f.helpers.arrayElement(EMPLOYERS)}`;
  const { projectName: _p, unitLabel: _u, city: _c, district: _d, ...ids } = place;
  return {
    ...ids,
    relation,
    joinedOn,
    title,
    name: p.name,
    pinyin: toPinyin(p.name),
    // Read from the characters, as the API does; the other search keys are the database's (trigger members_search_keys).
    initials: toInitials(p.name),
    sex: p.sex,
    birthDate: p.birthDate,
    idType: 'ID_CARD',
    idNumber: p.idNumber,
    nationality: '中国',
    nativeRegion: f.helpers.arrayElement(['江苏', '上海', '浙江', '安徽', '山东', '湖北', '北京']),
    education: f.helpers.weightedArrayElement([
      { weight: 3, value: 'SECONDARY_OR_BELOW' as const },
      { weight: 5, value: 'UNIVERSITY' as const },
      { weight: 2, value: 'POSTGRADUATE' as const },
    ]),
    homeAddress: `${place.city}${place.district}${place.projectName}${place.unitLabel}`,
    district: place.district,
    homePhone: f.number.float() < 0.4 ? `025-${f.string.numeric(8)}` : null,
    mobile: mobile(f),
    fax: null,
    email: f.number.float() < 0.6 ? `${toPinyin(p.name).replace(' ', '.').toLowerCase()}${f.string.numeric(3)}@example.cn` : null,
    employer: employed ? employer : null,
    employerAddress: employed ? `${place.city}${f.helpers.arrayElement(STREETS)}${f.number.int({ min: 1, max: 500 })}号` : null,
    employerPhone: employed ? `025-${f.string.numeric(8)}` : null,
    employerFax: null,
    businessType: employed ? f.helpers.arrayElement(BUSINESS) : null,
    position: employed ? f.helpers.arrayElement(POSITIONS) : null,
    employmentStatus: employed ? 'EMPLOYED' : age >= 58 ? 'RETIRED' : f.helpers.arrayElement(['JOB_SEEKING', 'HOMEMAKER', 'STUDENT', 'OTHER'] as const),
    maritalStatus: married ? 'MARRIED' : 'SINGLE',
    weddingAnniversary: married ? dateBetween(f, '1975-01-01', '2025-12-31') : null,
    spouseName: married ? personName(f, p.sex === 'MALE' ? 'FEMALE' : 'MALE') : null,
    spouseBirthDate: married ? dateBetween(f, '1950-01-01', '2000-12-31') : null,
    spouseNationality: married ? '中国' : null,
    mailingAddress: f.number.float() < 0.8 ? 'HOME' : 'OFFICE',
    hobbyOther: null,
    joinReasons: f.helpers.arrayElements(['REFERRAL', 'STATUS', 'MERCHANT_NETWORK', 'ACTIVITIES'] as const, { min: 1, max: 2 }),
    propertyBought: `${place.projectName}${place.unitLabel}`,
    carModel: hasCar ? car[0] : null,
    carPlate: hasCar ? `${car[1]}${f.string.alphanumeric({ length: 5, casing: 'upper' })}` : null,
    signedOn: joinedOn,
    extra: {},
  };
}

export function childInputs(f: Faker, memberId: number, parentBirth: Date): Prisma.FamilyMemberCreateManyInput[] {
  const n = f.helpers.weightedArrayElement([{ weight: 3, value: 0 }, { weight: 5, value: 1 }, { weight: 2, value: 2 }]);
  const fromYear = Math.min(parentBirth.getUTCFullYear() + 22, 2025);
  const toYear = Math.min(parentBirth.getUTCFullYear() + 42, 2025);
  return Array.from({ length: n }, () => {
    const sex = f.helpers.arrayElement(['MALE', 'FEMALE'] as const);
    return { memberId, relation: 'CHILD' as const, name: personName(f, sex), sex, birthDate: dateBetween(f, `${fromYear}-01-01`, `${toYear}-12-31`) };
  });
}

export const DEMO_PASSWORD = 'Club@2026';

/** One demo account per role (domain.md), plus a regional officer to show region scoping. */
export const DEMO_ACCOUNTS = [
  { username: 'manager', displayName: '王经理', role: 'club_manager', regionCode: null },
  { username: 'officer', displayName: '李专员', role: 'member_officer', regionCode: null },
  { username: 'officer_sh', displayName: '陈专员(上海)', role: 'member_officer', regionCode: 'SH' },
  { username: 'activity', displayName: '赵活动', role: 'activity_officer', regionCode: null },
  { username: 'editor', displayName: '孙主编', role: 'editor', regionCode: null },
  { username: 'merchant', displayName: '周商务', role: 'merchant_officer', regionCode: null },
  { username: 'leader', displayName: '吴分管', role: 'division_leader', regionCode: null },
  { username: 'gm', displayName: '郑总', role: 'general_manager', regionCode: null },
  { username: 'vp', displayName: '冯副总裁', role: 'marketing_vp', regionCode: null },
  { username: 'marketing', displayName: '钱营销', role: 'marketing', regionCode: 'NJ' },
] as const;
