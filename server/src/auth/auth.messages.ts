import type { Lang } from '../common/i18n-types.js';

/** Server messages of sign-in, sessions and the analysis proxy, in both languages. Keys start with 'auth.'. */
export const authMessages = {
  // One answer for every failed sign-in (wrong password, unknown user, locked account), so the
  // answer tells nothing about which usernames exist or are locked.
  'auth.signInFailed': {
    zh: '用户名或密码错误。连续失败 {max} 次后，该账户将暂停登录 {minutes} 分钟',
    en: 'Wrong username or password. After {max} failed attempts in a row the account cannot sign in for {minutes} minutes',
  },
  'auth.tooManyFromAddress': {
    zh: '此网络地址登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins from this network address; try again in {minutes} minutes',
  },
  'auth.tooManyAttempts': { zh: '密码错误次数过多，请 {minutes} 分钟后再试', en: 'Too many wrong passwords; try again in {minutes} minutes' },
  'auth.currentPasswordWrong': { zh: '当前密码不正确', en: 'The current password is wrong' },
  'auth.passwordTooShort': { zh: '新密码至少需要 {min} 个字符', en: 'The new password needs at least {min} characters' },
  'auth.passwordLettersDigits': { zh: '新密码须同时包含字母和数字', en: 'The new password must contain both letters and digits' },
  'auth.passwordIsUsername': { zh: '新密码不能包含用户名', en: 'The new password must not contain the username' },
  'auth.passwordUnchanged': { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  'auth.cubeBadQuery': { zh: '分析查询格式有误', en: 'The analysis query is malformed' },
  'auth.cubeLimit': { zh: '分析查询每次最多返回 {max} 行', en: 'An analysis query returns at most {max} rows' },
  'auth.cubeFailed': {
    zh: '分析服务出错，请稍后再试或联系管理员（请求编号 {requestId}）',
    en: 'The analysis service failed; try again later or contact the administrator (request {requestId})',
  },
} as const satisfies Record<string, Record<Lang, string>>;
