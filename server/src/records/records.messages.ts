import type { Lang } from '../common/i18n-types.js';

/** Server messages of the records feature, in both languages. Keys start with 'records.'. */
export const recordsMessages = {
  'records.holidayOnWeekend': {
    zh: '该日本来就是周末，无需设为节假日（只登记落在工作日的假日）',
    en: 'This day is a weekend already; only weekdays can be marked as holidays',
  },
  'records.workdayOnWeekday': {
    zh: '该日本来就是工作日，无需设为调休上班日（只登记需要上班的周末）',
    en: 'This day is a weekday already; only weekend days can be marked as working days',
  },
  'records.addOrTo': {
    zh: '请提供 add（工作日天数）或 to（截止日期）二者之一',
    en: 'Give either add (a number of working days) or to (an end date)',
  },
  'records.memberNotFound': { zh: '会员不存在或不在您所属的区域内', en: 'No such member in your region' },
  'records.notOpen': {
    zh: '该变更申请已处理（{status}），不能重复处理',
    en: 'This change request has already been handled ({status})',
  },
  'records.noChanges': { zh: '请至少填写一项要变更的资料，或在说明中写明变更内容', en: 'List at least one change, or describe it' },
} as const satisfies Record<string, Record<Lang, string>>;
