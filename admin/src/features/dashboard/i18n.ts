/** Strings of the dashboard (member analysis). */
export const dashboardZh = {
  dashboard: {
    dashboard: '会员分析',
    title: '会员特征分析',
    subtitle: '会员构成（按当前会员统计）',
    chart: '图表',
    table: '数据表',
    waiting: '统计数据正在生成，请稍候…',
    loadFailed: '分析数据加载失败',
    retry: '重试',
    total: '合计',
    unitPeople: '人',
    byProject: { title: '各楼盘会员人数（人）', project: '楼盘', count: '人数（人）' },
    byQuarter: { title: '每季度新入会人数（人）', quarter: '季度', count: '新入会人数（人）', soFar: '（截至今日）', soFarMark: '截至今日', note: '本季度尚未结束，虚线为截至今日的人数。' },
    byAge: { title: '会员年龄段分布（人）', band: '年龄段', count: '人数（人）' },
    bySex: { title: '会员性别构成（人）', sex: '性别', count: '人数（人）', share: '占比' },
    unknown: '未填写',
    regionNote: '本页数字只统计{{region}}的会员。',
  },
};

export const dashboardEn: typeof dashboardZh = {
  dashboard: {
    dashboard: 'Member analysis',
    title: 'Member characteristics',
    subtitle: 'Current membership profile',
    chart: 'Chart',
    table: 'Table',
    waiting: 'The figures are being prepared, please wait…',
    loadFailed: 'Failed to load the analysis',
    retry: 'Retry',
    total: 'Total',
    unitPeople: 'people',
    byProject: { title: 'Members by project (people)', project: 'Project', count: 'Members (people)' },
    byQuarter: { title: 'New members per quarter (people)', quarter: 'Quarter', count: 'New members (people)', soFar: ' (so far)', soFarMark: 'so far', note: 'This quarter is not over: the dashed line is the count up to today.' },
    byAge: { title: 'Members by age band (people)', band: 'Age band', count: 'Members (people)' },
    bySex: { title: 'Members by sex (people)', sex: 'Sex', count: 'Members (people)', share: 'Share' },
    unknown: 'Not given',
    regionNote: 'The figures on this page cover {{region}} members only.',
  },
};
