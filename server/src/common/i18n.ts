import type { Lang, MessageParam, MessageParams } from './i18n-types.js';
import { analysisMessages } from '../analysis/analysis.messages.js';
import { activitiesMessages } from '../activities/activities.messages.js';
import { applicationsMessages } from '../applications/applications.messages.js';
import { approvalsMessages } from '../approvals/approvals.messages.js';
import { authMessages } from '../auth/auth.messages.js';
import { cardsMessages } from '../cards/cards.messages.js';
import { membersMessages } from '../members/members.messages.js';
import { merchantsMessages } from '../merchants/merchants.messages.js';
import { privacyMessages } from '../privacy/privacy.messages.js';
import { recordsMessages } from '../records/records.messages.js';

export type { Lang, MessageParam, MessageParams };

/**
 * The language of what is written into the club's own records (a note added on a staff member's
 * behalf): the club's, whoever is signed in. Messages to the caller follow the caller's language.
 */
export const RECORD_LANG: Lang = 'zh';

export function langFrom(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

/** Server messages by key. `{name}` placeholders are filled from params. */
const messages = {
  'errors.validation': { zh: '提交的数据有误，请检查标出的字段', en: 'Some fields are invalid; see the marked fields' },
  'errors.malformedJson': { zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  'errors.notFound': { zh: '记录不存在或无权访问', en: 'The record does not exist or is not accessible' },
  'errors.routeNotFound': { zh: '接口不存在', en: 'No such endpoint' },
  'errors.forbidden': { zh: '您没有执行此操作的权限', en: 'You do not have permission for this' },
  'errors.unauthenticated': { zh: '请先登录', en: 'Please sign in' },
  'errors.badCredentials': { zh: '用户名或密码错误', en: 'Wrong username or password' },
  'errors.locked': { zh: '登录失败次数过多，账户已锁定，请 {minutes} 分钟后再试', en: 'Too many failed sign-ins; the account is locked for {minutes} minutes' },
  'errors.conflict': { zh: '与已有记录冲突：{fields}', en: 'Conflicts with an existing record: {fields}' },
  'errors.reference': { zh: '引用的记录不存在', en: 'A referenced record does not exist' },
  'errors.futureDate': { zh: '收到日期不能晚于今天', en: 'The date received cannot be in the future' },
  'errors.internal': { zh: '服务器内部错误，请联系管理员（请求编号 {requestId}）', en: 'Internal server error; contact the administrator (request {requestId})' },
  'errors.payloadTooLarge': { zh: '请求内容过大', en: 'The request is too large' },
  'errors.unknownField': { zh: '不支持的字段', en: 'Unknown field' },
  'errors.badQuery': { zh: '查询参数有误', en: 'Invalid query parameter' },
  'errors.controlCharacter': { zh: '内容含有不可见的控制字符（如空字符），请删除后再提交', en: 'Contains invisible control characters (such as NUL); remove them and try again' },
  'errors.tooDeep': { zh: '提交的数据层级过深（最多 {max} 层）', en: 'The data is nested too deeply (at most {max} levels)' },
  'errors.required': { zh: '此项为必填项', en: 'Required' },
  'errors.type': { zh: '数据类型不正确（应为{expected}）', en: 'Wrong type (expected {expected})' },
  'errors.option': { zh: '请从可选项中选择', en: 'Choose one of the allowed values' },
  'errors.tooLong': { zh: '不能超过 {max} 个字符', en: 'At most {max} characters' },
  'errors.tooMany': { zh: '最多 {max} 项', en: 'At most {max} items' },
  'errors.tooSmall': { zh: '不能小于 {min}', en: 'Must be at least {min}' },
  'errors.tooBig': { zh: '不能大于 {max}', en: 'Must be at most {max}' },
  'errors.email': { zh: '电子邮箱格式不正确', en: 'Not a valid email address' },
  'errors.date': { zh: '日期格式应为 YYYY-MM-DD', en: 'Use a date in the form YYYY-MM-DD' },
  'errors.idNumber': { zh: '身份证号码格式不正确', en: 'Not a valid resident ID number' },
  'errors.mobile': { zh: '手机号码格式不正确', en: 'Not a valid mobile number' },
  'errors.cubeUnavailable': { zh: '分析服务暂不可用', en: 'The analysis service is unavailable' },
  'members.underAge': { zh: '申请人须年满 18 周岁', en: 'The applicant must be at least 18' },
  'members.ownerNotInHousehold': { zh: '所选业主不属于该房号', en: 'The chosen owner does not own this unit' },
  'members.ownerIdMismatch': { zh: '业主本人入会时，证件号码须与产权登记的业主一致', en: 'An owner joining must have the ID number of the registered owner' },
  'members.householdNotFound': { zh: '房号（户）不存在', en: 'No such household' },
  'members.duplicate': { zh: '该户已有此证件号码的会员', en: 'This household already has a member with this ID number' },
  'members.futureDate': { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  ...activitiesMessages,
  ...applicationsMessages,
  ...approvalsMessages,
  ...authMessages,
  ...cardsMessages,
  ...membersMessages,
  ...merchantsMessages,
  ...recordsMessages,
  ...analysisMessages,
  ...privacyMessages,
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

/** Every message key (for checks over all messages). */
export const MESSAGE_KEYS = Object.keys(messages) as MessageKey[];

/** A message in one language; params that are messages or bilingual texts are rendered in it too. */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? renderParam(lang, params[k]) : `{${k}}`));
}

export function renderParam(lang: Lang, p: MessageParam): string {
  if (typeof p === 'string' || typeof p === 'number') return String(p);
  if ('key' in p) return isMessageKey(p.key) ? t(lang, p.key) : String(p.key);
  return p[lang];
}

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && key in messages;
}
