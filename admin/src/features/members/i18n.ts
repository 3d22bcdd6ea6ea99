/** Strings of the members feature beyond the member form's and the change history's (those are shared, so core: i18n/zh-CN.ts). */
export const membersZh = {
  /** The membership figures on the workbench (its KPI `key`; merged into the core `members` strings). */
  members: { active: '在册会员', joinedThisQuarter: '本季度新入会', leftThisQuarter: '本季度退会', fields: { household: '楼盘 / 房号' } },
  'member-show': { cards: '会员卡', fees: '卡费记录', noCards: '尚未办理会员卡', noFees: '没有卡费记录' },
  'member-export': {
    export: '导出 Excel',
    basicInfo: '基本信息表',
    maskedHint: '导出的证件号码、电话、地址和生日已打码；如需完整资料，请先提交信息使用申请并勾选“需要导出”。',
    unmaskedHint: '导出的资料未打码，仅限所申请的用途使用；本次导出已记入审计日志。',
    basicInfoHint: '会员基本信息表仅供会员关怀与信息发布使用，本次下载已记入审计日志。',
    failed: '导出失败',
  },
};

export const membersEn: typeof membersZh = {
  members: { active: 'Active members', joinedThisQuarter: 'Joined this quarter', leftThisQuarter: 'Left this quarter', fields: { household: 'Project / unit' } },
  'member-show': { cards: 'Cards', fees: 'Card fees', noCards: 'No card yet', noFees: 'No card fees' },
  'member-export': {
    export: 'Export to Excel',
    basicInfo: 'Basic-information table',
    maskedHint: 'ID numbers, phones, addresses and birthdays in the export are masked; file a data-use request with “Export needed” for the full data.',
    unmaskedHint: 'The export is unmasked; use it only for the stated purpose. This export is in the audit log.',
    basicInfoHint: 'The basic-information table is for member care and announcements only; this download is in the audit log.',
    failed: 'Export failed',
  },
};
