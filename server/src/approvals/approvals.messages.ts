import type { Lang } from '../common/i18n-types.js';

/** Server messages of the approval engine, in both languages. Keys start with 'approvals.'. */
export const approvalsMessages = {
  'approvals.notPending': { zh: '该审批已结束（{status}），不能再审批', en: 'This approval is already closed ({status})' },
  'approvals.alreadyPending': { zh: '该事项已在审批中，请等待审批结果', en: 'This is already waiting for approval' },
  'approvals.wrongRole': { zh: '当前审批环节应由「{role}」审批', en: 'This step is decided by the {role}' },
  'approvals.wrongScope': { zh: '当前审批环节应由{scope}的人员审批', en: 'This step is decided by staff of {scope}' },
  'approvals.ownSubmission': { zh: '不能审批自己提交的事项', en: 'You cannot approve what you submitted yourself' },
  'approvals.secondStep': { zh: '您已审批过该事项的其他环节，同一人不能审批两个环节', en: 'You already decided another step of this; one person decides one step only' },
  'approvals.unknownSubject': { zh: '不支持的审批事项类型', en: 'Unknown kind of approval subject' },
  'approvals.status.PENDING': { zh: '审批中', en: 'pending' },
  'approvals.status.APPROVED': { zh: '已通过', en: 'approved' },
  'approvals.status.REJECTED': { zh: '已驳回', en: 'rejected' },
  'approvals.status.DECIDED': { zh: '已由他人审批', en: 'decided by someone else' },
  'approvals.scope.REGION': { zh: '本区域', en: 'the subject’s region' },
  'approvals.scope.GROUP': { zh: '集团', en: 'the group club' },
  'approvals.role.club_manager': { zh: '客户会经理', en: 'club manager' },
  'approvals.role.member_officer': { zh: '会员管理专员', en: 'member officer' },
  'approvals.role.activity_officer': { zh: '会员活动管理专员', en: 'activity officer' },
  'approvals.role.editor': { zh: '会刊主编', en: 'editor' },
  'approvals.role.merchant_officer': { zh: '商家拓展专员', en: 'merchant officer' },
  'approvals.role.division_leader': { zh: '分管领导', en: 'division leader' },
  'approvals.role.general_manager': { zh: '总经理', en: 'general manager' },
  'approvals.role.marketing_vp': { zh: '营销主管副总裁', en: 'marketing VP' },
  'approvals.role.marketing': { zh: '营销公司', en: 'marketing team' },
} as const satisfies Record<string, Record<Lang, string>>;
