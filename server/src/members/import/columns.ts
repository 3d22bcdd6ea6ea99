// Appendix 1 (the application form, M-4) as the columns of the member import sheet, with the
// Chinese labels the sheet uses for each option. Headers use the member form's words (the one
// glossary: 学历, 住宅地址, 手机…); earlier templates' headers are still read.

export const LABELS = {
  relation: { OWNER: '业主本人', SPOUSE: '配偶', PARENT: '父母', CHILD: '子女', GRANDPARENT: '祖父母', GRANDCHILD: '孙子女' },
  title: { MR: '先生', MISS: '小姐', MRS: '太太', MS: '女士' },
  sex: { MALE: '男', FEMALE: '女' },
  idType: { ID_CARD: '身份证', PASSPORT: '护照', OTHER: '其它证件' },
  education: { SECONDARY_OR_BELOW: '中专及以下', UNIVERSITY: '大学', POSTGRADUATE: '研究生及以上' },
  employmentStatus: { EMPLOYED: '在职', RETIRED: '退休', JOB_SEEKING: '待业', HOMEMAKER: '料理家务', STUDENT: '学生', OTHER: '其它' },
  maritalStatus: { SINGLE: '未婚', MARRIED: '已婚' },
  mailingAddress: { HOME: '住宅地址', OFFICE: '单位地址' },
  joinReasons: { REFERRAL: '亲友或会员推荐', STATUS: '身份象征', MERCHANT_NETWORK: '联盟商家网络', ACTIVITIES: '会员活动' },
} as const;
export type LabelGroup = keyof typeof LABELS;

/** Other spellings people type, accepted on import. */
const ALIASES: Partial<Record<LabelGroup, Record<string, string>>> = {
  relation: { 业主: 'OWNER', 本人: 'OWNER', 父亲: 'PARENT', 母亲: 'PARENT', 儿子: 'CHILD', 女儿: 'CHILD', 丈夫: 'SPOUSE', 妻子: 'SPOUSE' },
  idType: { 居民身份证: 'ID_CARD', 其他: 'OTHER', 其他证件: 'OTHER' },
  education: { 中学: 'SECONDARY_OR_BELOW', 中专: 'SECONDARY_OR_BELOW', 高中: 'SECONDARY_OR_BELOW', 本科: 'UNIVERSITY', 大专: 'UNIVERSITY', 研究生: 'POSTGRADUATE', 硕士: 'POSTGRADUATE', 博士: 'POSTGRADUATE' },
  employmentStatus: { 其他: 'OTHER', 就业: 'EMPLOYED' },
  mailingAddress: { 住宅: 'HOME', 家庭: 'HOME', 家庭住址: 'HOME', 单位: 'OFFICE', 公司: 'OFFICE', 公司地址: 'OFFICE' },
  joinReasons: { 推荐: 'REFERRAL', 商家网络: 'MERCHANT_NETWORK', 活动: 'ACTIVITIES' },
};

const LOOKUP: Record<LabelGroup, Map<string, string>> = Object.fromEntries(
  Object.entries(LABELS).map(([group, labels]) => {
    const m = new Map<string, string>();
    for (const [code, zh] of Object.entries(labels)) {
      m.set(zh, code);
      m.set(code.toLowerCase(), code);
    }
    for (const [alias, code] of Object.entries(ALIASES[group as LabelGroup] ?? {})) m.set(alias, code);
    return [group, m];
  }),
) as Record<LabelGroup, Map<string, string>>;

/** The option code for a label (Chinese, an alias or the code itself), or undefined. */
export function optionCode(group: LabelGroup, raw: string): string | undefined {
  return LOOKUP[group].get(raw) ?? LOOKUP[group].get(raw.toLowerCase());
}

export function optionLabels(group: LabelGroup): string {
  return Object.values(LABELS[group]).join('、');
}

export type ColumnKind = 'text' | 'date' | 'hobbies' | 'joinReasons' | 'children' | { option: LabelGroup };

export interface ImportColumn {
  /** The column's name, in the words of the member form (学历, 住宅地址, 手机…). */
  header: string;
  /** Earlier templates' names for the column, still read. */
  aliases?: string[];
  /** The MemberCreateInput field; the location columns have their own keys. */
  field: string;
  kind: ColumnKind;
  required?: boolean;
  example: string;
  width?: number;
}

/**
 * The sheet's columns in order. Multiple values (hobbies, reasons) are separated by 、; children
 * by ；, each as 姓名 出生日期 性别 (date and sex optional).
 */
export const IMPORT_COLUMNS: ImportColumn[] = [
  { header: '楼盘', field: 'project', kind: 'text', required: true, example: '金陵御府', width: 14 },
  { header: '楼栋', field: 'building', kind: 'text', required: true, example: '1栋', width: 8 },
  { header: '房号', field: 'unit', kind: 'text', required: true, example: '1201', width: 8 },
  { header: '与业主关系', field: 'relation', kind: { option: 'relation' }, required: true, example: '配偶', width: 10 },
  { header: '称谓', field: 'title', kind: { option: 'title' }, required: true, example: '太太', width: 6 },
  { header: '姓名', field: 'name', kind: 'text', required: true, example: '林晓梅', width: 10 },
  { header: '姓名拼音', aliases: ['拼音'], field: 'pinyin', kind: 'text', example: 'LIN XIAO MEI', width: 16 },
  { header: '性别', field: 'sex', kind: { option: 'sex' }, required: true, example: '女', width: 6 },
  { header: '出生日期', field: 'birthDate', kind: 'date', required: true, example: '1985-06-15', width: 12 },
  { header: '证件类型', field: 'idType', kind: { option: 'idType' }, example: '身份证', width: 10 },
  { header: '证件号码', field: 'idNumber', kind: 'text', required: true, example: '320106198506150020', width: 22 },
  { header: '国籍', field: 'nationality', kind: 'text', example: '中国', width: 8 },
  { header: '籍贯', aliases: ['地区'], field: 'nativeRegion', kind: 'text', example: '江苏', width: 8 },
  { header: '学历', aliases: ['教育程度'], field: 'education', kind: { option: 'education' }, example: '大学', width: 10 },
  { header: '住宅地址', aliases: ['家庭住址'], field: 'homeAddress', kind: 'text', example: '南京市鼓楼区中山路100号3栋1201室', width: 30 },
  { header: '所在区', aliases: ['所属区域'], field: 'district', kind: 'text', example: '鼓楼区', width: 10 },
  { header: '住宅电话', field: 'homePhone', kind: 'text', example: '025-83001234', width: 14 },
  { header: '手机', aliases: ['移动电话'], field: 'mobile', kind: 'text', required: true, example: '13912345678', width: 14 },
  { header: '传真', field: 'fax', kind: 'text', example: '', width: 12 },
  { header: '电子邮箱', field: 'email', kind: 'text', example: 'lin.xiaomei@example.cn', width: 22 },
  { header: '工作单位', aliases: ['公司名称'], field: 'employer', kind: 'text', example: '南京某科技有限公司', width: 20 },
  { header: '单位地址', aliases: ['公司地址'], field: 'employerAddress', kind: 'text', example: '南京市建邺区江东中路1号', width: 24 },
  { header: '单位电话', aliases: ['公司电话'], field: 'employerPhone', kind: 'text', example: '', width: 14 },
  { header: '单位传真', aliases: ['公司传真'], field: 'employerFax', kind: 'text', example: '', width: 12 },
  { header: '行业类别', aliases: ['业务性质'], field: 'businessType', kind: 'text', example: '信息技术', width: 10 },
  { header: '职务', aliases: ['职位'], field: 'position', kind: 'text', example: '部门经理', width: 10 },
  { header: '就业状况', field: 'employmentStatus', kind: { option: 'employmentStatus' }, example: '在职', width: 10 },
  { header: '婚姻状况', field: 'maritalStatus', kind: { option: 'maritalStatus' }, example: '已婚', width: 8 },
  { header: '结婚纪念日', field: 'weddingAnniversary', kind: 'date', example: '2010-10-01', width: 12 },
  { header: '配偶姓名', field: 'spouseName', kind: 'text', example: '', width: 10 },
  { header: '配偶出生日期', field: 'spouseBirthDate', kind: 'date', example: '', width: 12 },
  { header: '配偶国籍', field: 'spouseNationality', kind: 'text', example: '', width: 8 },
  { header: '子女', field: 'familyMembers', kind: 'children', example: '林小宝 2012-03-04 男；林小贝 2015-06-01 女', width: 30 },
  { header: '邮寄地址', aliases: ['通讯地址'], field: 'mailingAddress', kind: { option: 'mailingAddress' }, example: '住宅地址', width: 10 },
  { header: '兴趣爱好', field: 'hobbyIds', kind: 'hobbies', example: '健身、美食', width: 20 },
  { header: '其它爱好', aliases: ['其他爱好'], field: 'hobbyOther', kind: 'text', example: '', width: 12 },
  { header: '入会原因', field: 'joinReasons', kind: 'joinReasons', example: '会员活动', width: 16 },
  { header: '所购物业', aliases: ['已购物业'], field: 'propertyBought', kind: 'text', example: '', width: 16 },
  { header: '汽车型号', field: 'carModel', kind: 'text', example: '大众 帕萨特', width: 12 },
  { header: '车牌号码', aliases: ['汽车牌照'], field: 'carPlate', kind: 'text', example: '苏A12345', width: 10 },
  { header: '签署日期', field: 'signedOn', kind: 'date', example: '', width: 12 },
  { header: '入会日期', field: 'joinedOn', kind: 'date', example: '2026-11-01', width: 12 },
  { header: '业主证件号码', field: 'ownerIdNumber', kind: 'text', required: true, example: '320106198201010011', width: 22 },
];

export const REQUIRED_COLUMNS = IMPORT_COLUMNS.filter((c) => c.required);
export const REQUIRED_HEADERS = REQUIRED_COLUMNS.map((c) => c.header);
export const HEADER_BY_FIELD = new Map(IMPORT_COLUMNS.map((c) => [c.field, c.header]));

/** The column a header names (its current name or an earlier template's), or undefined. */
export function columnOf(header: string): ImportColumn | undefined {
  return IMPORT_COLUMNS.find((c) => c.header === header || c.aliases?.includes(header));
}

/** The required columns a header row lacks (by their current names). */
export function missingRequired(headers: string[]): string[] {
  return REQUIRED_COLUMNS.filter((c) => !headers.includes(c.header) && !c.aliases?.some((a) => headers.includes(a))).map((c) => c.header);
}
