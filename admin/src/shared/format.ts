import dayjs from 'dayjs';
// The i18next instance the admin's i18n module sets up (i18n/index.ts): the caller's language, read
// without pulling that module's browser code into whatever imports a formatter.
import i18n from 'i18next';

/** A moment from the API (ISO, UTC) as staff read it: their own clock, to the minute. */
export const dateTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/** The same, to the second (history and audit entries). */
export const dateTimeSeconds = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

/** A moment's calendar day on the staff's clock. */
export const dateOnly = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('YYYY-MM-DD') : '—');

/** Days from one date to another (YYYY-MM-DD): one date when they are the same day. */
export const dayRange = (from: string, to: string): string => (from === to ? from : `${from} – ${to}`);

// ───────────────────────── numbers and money ─────────────────────────
//
// The one way the admin writes a figure. Money arrives in fen (integers) and is written in yuan
// with the ¥ sign, thousands separators and two decimals: ¥1,234.00. Large figures (KPI cards,
// chart axes) are shortened the way each language reads them: 万 / 亿 in Chinese (¥12.35万,
// 1.2万), K / M in English. Tables always show the full figure, right-aligned (`numeric`).

type Lang = 'zh-CN' | 'en';
const langOf = (lang?: string): Lang => ((lang ?? i18n.language ?? 'zh-CN').startsWith('en') ? 'en' : 'zh-CN');

const formats = new Map<string, Intl.NumberFormat>();
const numberFormat = (lang: Lang, min: number, max: number): Intl.NumberFormat => {
  const key = `${lang}|${min}|${max}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: min, maximumFractionDigits: max, useGrouping: true });
    formats.set(key, f);
  }
  return f;
};

const isNumber = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/** A count with thousands separators: 12,345. */
export const count = (n: number | null | undefined, lang?: string): string => (isNumber(n) ? numberFormat(langOf(lang), 0, 0).format(n) : '—');

/** A plain figure with up to `digits` decimals and thousands separators. */
export const decimal = (n: number | null | undefined, digits = 2, lang?: string): string =>
  isNumber(n) ? numberFormat(langOf(lang), 0, digits).format(n) : '—';

/** Money from fen: ¥1,234.00 (negative: -¥1,234.00). */
export const money = (fen: number | null | undefined, lang?: string): string => {
  if (!isNumber(fen)) return '—';
  const text = numberFormat(langOf(lang), 2, 2).format(Math.abs(fen) / 100);
  return `${fen < 0 ? '-' : ''}¥${text}`;
};

/**
 * A large figure shortened: 12,345 → 1.23万 (zh) / 12.3K (en); 123,456,789 → 1.23亿 / 123.5M.
 * Figures under 10,000 are written in full.
 */
export const compact = (n: number | null | undefined, lang?: string): string => {
  if (!isNumber(n)) return '—';
  const l = langOf(lang);
  const abs = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  const short = (v: number, digits: number) => numberFormat(l, 0, digits).format(v);
  if (l === 'zh-CN') {
    if (abs >= 1e8) return `${sign}${short(abs / 1e8, 2)}亿`;
    if (abs >= 1e4) return `${sign}${short(abs / 1e4, 2)}万`;
  } else {
    if (abs >= 1e9) return `${sign}${short(abs / 1e9, 2)}B`;
    if (abs >= 1e6) return `${sign}${short(abs / 1e6, 2)}M`;
    if (abs >= 1e4) return `${sign}${short(abs / 1e3, 1)}K`;
  }
  return `${sign}${numberFormat(l, 0, 2).format(abs)}`;
};

/** Money from fen, shortened when large: ¥12.35万 (zh) / ¥123.5K (en); ¥1,234.00 below ¥10,000. */
export const moneyCompact = (fen: number | null | undefined, lang?: string): string => {
  if (!isNumber(fen)) return '—';
  const yuan = fen / 100;
  if (Math.abs(yuan) < 1e4) return money(fen, lang);
  const text = compact(Math.abs(yuan), lang);
  return `${yuan < 0 ? '-' : ''}¥${text}`;
};

/** A share as a percentage: ratio 0.1234 → 12.3%. */
export const percentOf = (ratio: number | null | undefined, digits = 1, lang?: string): string =>
  isNumber(ratio) ? `${numberFormat(langOf(lang), digits, digits).format(ratio * 100)}%` : '—';

/** A figure that already is a percentage: 12.5 → 12.5%. */
export const percent = (value: number | null | undefined, digits = 1, lang?: string): string =>
  isNumber(value) ? `${numberFormat(langOf(lang), 0, digits).format(value)}%` : '—';

/** How a figure is measured on the wire (the workbench's KPI units). */
export type FigureUnit = 'count' | 'fen' | 'percent';

/** A figure in its unit, in full (tables, tooltips). */
export const figure = (value: number | null | undefined, unit: FigureUnit, lang?: string): string =>
  unit === 'fen' ? money(value, lang) : unit === 'percent' ? percent(value, 1, lang) : count(value, lang);

/** A figure in its unit, shortened when large (KPI cards). */
export const figureCompact = (value: number | null | undefined, unit: FigureUnit, lang?: string): string =>
  unit === 'fen' ? moneyCompact(value, lang) : unit === 'percent' ? percent(value, 1, lang) : compact(value, lang);

/** Props of a numeric table column: right-aligned, figures in tabular digits and kept on one line. */
export const numeric = { align: 'right' as const, onCell: () => ({ style: { whiteSpace: 'nowrap' as const, fontVariantNumeric: 'tabular-nums' } }) };

// ───────────────────────── quarters ─────────────────────────

/** The one way to write a quarter: 2026年第4季度 (zh) / Q4 2026 (en). */
export const quarterLabel = (year: number, quarter: number, lang?: string): string =>
  langOf(lang) === 'en' ? `Q${quarter} ${year}` : `${year}年第${quarter}季度`;

/** A quarter without its year (a picker's options): 第4季度 / Q4. */
export const quarterName = (quarter: number, lang?: string): string => (langOf(lang) === 'en' ? `Q${quarter}` : `第${quarter}季度`);

/** The quarter a day falls in. */
export const quarterOf = (day: string | Date | dayjs.Dayjs): { year: number; quarter: number } => {
  const d = dayjs(day);
  return { year: d.year(), quarter: Math.floor(d.month() / 3) + 1 };
};
