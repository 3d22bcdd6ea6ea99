import type { Lang } from '../common/i18n-types.js';

/** Server messages of the activities feature, in both languages. Keys start with 'activities.'. */
export const activitiesMessages = {
  'activities.endsBeforeStart': { zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  'activities.plannedOrUnplanned': { zh: '请选择年度计划中的活动，或标记为计划外活动', en: 'Choose an activity of the annual plan, or mark it as unplanned' },
  'activities.regionNotFound': { zh: '区域不存在或不在您所属的区域内', en: 'No such region, or not yours' },
  'activities.planExists': { zh: '{year} 年该区域已有年度活动计划', en: 'There is already an annual activity plan for {year} here' },
  'activities.notEditable': { zh: '当前状态（{status}）不能修改或提交，只有草稿或被驳回的计划可以', en: 'Only a draft or a rejected plan can be changed or submitted (this one is {status})' },
  'activities.notApproved': { zh: '年度计划尚未审批通过，不能调整', en: 'The annual plan is not approved yet, so it cannot be adjusted' },
  'activities.adjustmentPending': { zh: '该计划已有一项调整在审批中或待修改', en: 'An adjustment of this plan is already waiting for approval or revision' },
  'activities.activityNotInPlan': { zh: '该活动不在本计划中', en: 'This activity is not in this plan' },
  'activities.plannedActivityNotFound': { zh: '年度计划中没有该活动，或计划尚未审批通过', en: 'No such activity in an approved annual plan' },
  'activities.lessThanMonth': {
    zh: '实施方案须在活动开始一个月前提交（最晚 {latest} 提交 {startsOn} 开始的活动）；如确需举办，请标记为计划外活动，报集团审批',
    en: 'An implementation plan is submitted at least a month before the activity (by {latest} for one starting {startsOn}); otherwise mark it unplanned for the group to approve',
  },
  'activities.noSuchLine': { zh: '预算中没有第 {position} 项', en: 'The budget has no line {position}' },
  'activities.notImplementable': { zh: '只有审批通过的实施方案可以登记实际费用', en: 'Actual costs are recorded on an approved implementation plan only' },
  'activities.status.DRAFT': { zh: '草稿', en: 'draft' },
  'activities.status.SUBMITTED': { zh: '审批中', en: 'awaiting approval' },
  'activities.status.APPROVED': { zh: '已通过', en: 'approved' },
  'activities.status.REJECTED': { zh: '已驳回', en: 'rejected' },
} as const satisfies Record<string, Record<Lang, string>>;
