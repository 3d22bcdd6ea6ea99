import type { Lang } from '../common/i18n-types.js';

/** Server messages of the cards feature, in both languages. Keys start with 'cards.'. */
export const cardsMessages = {
  'cards.limitReached': {
    zh: '该户会员卡已达持卡上限（每户 2 张，经批准的超额除外），不能再办卡或批准。如确有需要，请由会员管理专员提出超额申请，经客户会经理和分管领导批准',
    en: 'This household already holds all the cards it may (2 per household unless an exception was approved). For more, the member officer requests an exception, approved by the club manager and the division leader',
  },
  'cards.noRange': {
    zh: '没有可用的会员卡号段（号段未设置或已用完），请先设置新的号段',
    en: 'No card number range is available (none set up or all used up); set up a new range first',
  },
  'cards.rangeOverlap': { zh: '与同一前缀的已有号段重叠（卡号不得重复）', en: 'Overlaps an existing range with the same prefix (no number twice)' },
  'cards.rangeBounds': { zh: '起始号不能大于结束号', en: 'The first number cannot be greater than the last' },
  'cards.rangeTooWide': { zh: '号码位数不足以容纳结束号', en: 'The number of digits cannot hold the last number' },
  'cards.rangeTarget': { zh: '请选择所属项目或填写渠道（二选一）', en: 'Choose a project or enter a channel (one of the two)' },
  'cards.projectNotFound': { zh: '项目不存在', en: 'No such project' },
  // Card statuses, as terms other messages name ({status} of cards.wrongStatus).
  'cards.status.IN_PRODUCTION': { zh: '制卡中', en: 'in production' },
  'cards.status.READY': { zh: '待领卡', en: 'ready for pickup' },
  'cards.status.ISSUED': { zh: '已发卡', en: 'issued' },
  'cards.status.VOID': { zh: '已作废', en: 'void' },
  'cards.wrongStatus': { zh: '会员卡当前状态为“{status}”，不能执行此操作', en: 'The card is {status}; this action is not possible' },
  'cards.memberHasCard': { zh: '该会员已有一张有效会员卡；遗失或损坏请申请补卡', en: 'This member already has a valid card; for a lost or damaged card request a reissue' },
  'cards.memberInactive': { zh: '该会员已退会，不能办卡', en: 'This member has left the club; no card can be issued' },
  'cards.signatureRequired': { zh: '领卡人须签字确认', en: 'The collector must sign for the card' },
  'cards.idCheckRequired': { zh: '领卡须出示身份证件并核对', en: 'The collector must show ID, and it must be checked' },
  'cards.documentsRequired': { zh: '补卡须核对与新办卡相同的资料', en: 'A reissue needs the same documents as a new application, checked' },
  'cards.reissuePending': { zh: '该卡已有待审核的补卡申请', en: 'This card already has a reissue request under review' },
  'cards.alreadyDecided': { zh: '该申请已处理，不能重复审批', en: 'This request has already been decided' },
  'cards.alreadyYourDecision': { zh: '您已对该例外申请作出审批', en: 'You have already decided on this exception' },
  'cards.exceptionPending': { zh: '该户已有一项待审批的持卡数量例外申请', en: 'This household already has a card-limit exception awaiting approval' },
  'cards.householdNotFound': { zh: '房号（户）不存在', en: 'No such household' },
  'cards.feeNotFound': { zh: '收费记录不存在', en: 'No such fee entry' },
  'cards.feeAlreadyReversed': { zh: '该笔收费已冲销', en: 'This fee has already been reversed' },
  'cards.feeIsReversal': { zh: '冲销记录不能再冲销', en: 'A reversal cannot itself be reversed' },
  'cards.quarterNotEnded': { zh: '该季度尚未结束，季末后才能编制收费报表', en: 'The quarter has not ended yet; the statement can be prepared after it' },
  'cards.statementExists': { zh: '该季度的收费报表已编制', en: 'The statement for this quarter already exists' },
  'cards.alreadySigned': { zh: '该报表已由客户会经理签认', en: 'The club manager has already signed this statement' },
} as const satisfies Record<string, Record<Lang, string>>;
