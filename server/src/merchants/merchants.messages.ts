import type { Lang } from '../common/i18n-types.js';

/** Server messages of the merchants feature, in both languages. Keys start with 'merchants.'. */
export const merchantsMessages = {
  'merchants.regionNotFound': { zh: '区域不存在或不在您的管辖范围内', en: 'No such region, or not one of yours' },
  'merchants.wrongStage': {
    zh: '商家拓展须按流程逐步推进：当前阶段之后应为“{next}”',
    en: 'A merchant moves through its pipeline one step at a time: the next step is {next}',
  },
  'merchants.pipelineDone': { zh: '该商家已完成拓展流程（签约）', en: 'This merchant has completed its pipeline (signed)' },
  'merchants.stage.INFORMATION': { zh: '信息收集', en: 'information' },
  'merchants.stage.NEGOTIATION': { zh: '洽谈', en: 'negotiation' },
  'merchants.stage.SIGNING': { zh: '签约', en: 'signing' },
  'merchants.notSigning': { zh: '商家尚未进入签约阶段，不能登记协议', en: 'The merchant has not reached the signing step; no agreement yet' },
  'merchants.contractNoTaken': { zh: '合同编号已被使用，合同编号不得重复', en: 'This contract number is already used; each contract number is unique' },
  'merchants.endBeforeStart': { zh: '协议结束日期须晚于开始日期', en: 'The end of the term must be after its start' },
  'merchants.alreadyObjected': { zh: '已登记不续约意见，协议将于期满时终止', en: 'An objection is already recorded; the agreement ends at the end of its term' },
  'merchants.noticeTooShort': {
    zh: '提价或取消优惠须提前 30 天书面通知客户会：最早生效日期为 {earliest}',
    en: 'A price increase or withdrawal needs 30 days’ written notice: it can take effect on {earliest} at the earliest',
  },
  'merchants.effectiveBeforeNotice': { zh: '生效日期不能早于书面通知日期', en: 'A change cannot take effect before the written notice of it' },
  'merchants.noConsentNeeded': { zh: '降价无需客户会书面同意，自生效日期起即执行', en: 'A lower price needs no consent from the club: it applies from its effective date' },
  'merchants.alreadyConsented': { zh: '客户会已书面同意该变更', en: 'The club has already consented to this change in writing' },
  'merchants.noChange': { zh: '没有需要登记的变更（新值与现值相同）', en: 'Nothing changed (the new values are the current ones)' },
  'merchants.notActive': { zh: '该商家不是在约联盟商家', en: 'This merchant is not an active alliance merchant' },
  'merchants.plaqueAlreadyIssued': { zh: '牌匾已发放', en: 'The plaque has already been issued' },
  'merchants.plaqueNotIssued': { zh: '尚未发放牌匾，不能收回', en: 'No plaque has been issued, so none can be withdrawn' },
  'merchants.futureDate': { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
} as const satisfies Record<string, Record<Lang, string>>;
