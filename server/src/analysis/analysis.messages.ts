import type { Lang } from '../common/i18n-types.js';

/** Server messages of the analysis feature, in both languages. Keys start with 'analysis.'. */
export const analysisMessages = {
  'analysis.badQuarter': { zh: '季度格式应为 2026-Q3（年份-Q季度）', en: 'Write the quarter as 2026-Q3 (year-Q and the quarter)' },
  'analysis.quarterNotEnded': { zh: '该季度尚未结束，季末数据要到季度结束后才能生成', en: 'The quarter has not ended yet; its quarter-end figures can be built only after it ends' },
  'analysis.quarterNotFrozen': { zh: '该季度还没有季末数据（季度结束后自动生成，或由客户会经理重建）', en: 'This quarter has no quarter-end figures yet (they are frozen after the quarter ends, or rebuilt by the club manager)' },
} as const satisfies Record<string, Record<Lang, string>>;
