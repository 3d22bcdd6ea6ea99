import type { Lang } from '../common/i18n-types.js';

/** Server messages of the applications feature, in both languages. Keys start with 'applications.'. */
export const applicationsMessages = {
  'applications.illegalTransition': {
    zh: '申请当前状态为「{status}」，不能执行此操作',
    en: 'The application is {status}; this step is not possible now',
  },
  'applications.cardLimitWarning': {
    zh: '该户会员卡已达上限，申请已接收，但审批前需办理超额审批',
    en: 'This household is at its card limit: the application is received, but approval needs a card-limit exception',
  },
  'applications.notTuesday': {
    zh: '收件日通常为每周二，请确认日期',
    en: 'Pickups are normally on Tuesdays; check the date',
  },
  'applications.alreadyBatched': {
    zh: '申请 {numbers} 已在其他收件批次中或不存在',
    en: 'Applications {numbers} are already in a batch or do not exist',
  },
  'applications.fileType': { zh: '只接受 JPG、PNG 或 PDF 文件', en: 'Only JPG, PNG or PDF files are accepted' },
  'applications.fileTooLarge': { zh: '文件不能超过 {mb} MB', en: 'The file may be at most {mb} MB' },
  'applications.fileMissing': { zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  'applications.noCard': { zh: '未找到该申请对应的会员卡', en: 'No card found for this application' },
  'applications.mustBeTrue': { zh: '领卡人须签名并出示身份证件', en: 'The collector must sign and show ID' },
  'applications.verifiedByMarketing': { zh: '请营销公司协助核实', en: 'Marketing asked to help verify' },
  'applications.ownerPhoned': { zh: '已电话通知业主', en: 'owner phoned' },
  'applications.marketingNotAsked': { zh: '客户会尚未请营销公司协助核实此申请', en: 'The club has not asked marketing to verify this application' },
  'applications.marketingCannotAsk': { zh: '只有客户会可以请营销公司协助核实', en: 'Only the club asks marketing to help verify' },
  'applications.status.RECEIVED': { zh: '已接收', en: 'received' },
  'applications.status.INCOMPLETE': { zh: '资料不全', en: 'incomplete' },
  'applications.status.COMPLETE': { zh: '资料齐全', en: 'complete' },
  'applications.status.VERIFIED': { zh: '已核实', en: 'verified' },
  'applications.status.APPROVED': { zh: '已批准', en: 'approved' },
  'applications.status.REJECTED': { zh: '已拒绝', en: 'rejected' },
  'applications.status.CARD_IN_PRODUCTION': { zh: '制卡中', en: 'card in production' },
  'applications.status.CARD_READY': { zh: '待领卡', en: 'ready for pickup' },
  'applications.status.ISSUED': { zh: '已发卡', en: 'issued' },
} as const satisfies Record<string, Record<Lang, string>>;
