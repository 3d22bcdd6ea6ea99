import { Lunar } from 'lunar-typescript';

/**
 * The lunar festivals of C-1. They move every year, so they are computed from the lunar calendar
 * (lunar-typescript, a maintained implementation of the Chinese calendar), never kept as a table.
 */
export const LUNAR_FESTIVALS = [
  { key: 'spring-festival', lunarMonth: 1, lunarDay: 1, zh: '春节', en: 'Spring Festival' },
  { key: 'lantern-festival', lunarMonth: 1, lunarDay: 15, zh: '元宵节', en: 'Lantern Festival' },
  { key: 'dragon-boat-festival', lunarMonth: 5, lunarDay: 5, zh: '端午节', en: 'Dragon Boat Festival' },
  { key: 'mid-autumn-festival', lunarMonth: 8, lunarDay: 15, zh: '中秋节', en: 'Mid-Autumn Festival' },
  { key: 'double-ninth-festival', lunarMonth: 9, lunarDay: 9, zh: '重阳节', en: 'Double Ninth Festival' },
] as const;

export type LunarFestivalKey = (typeof LUNAR_FESTIVALS)[number]['key'];

export interface FestivalDate {
  key: LunarFestivalKey;
  /** Gregorian date, YYYY-MM-DD. */
  date: string;
  zh: string;
  en: string;
}

/** The lunar festivals falling in Gregorian `year`, in date order. */
export function lunarFestivalsOfYear(year: number): FestivalDate[] {
  if (!Number.isInteger(year) || year < 1901 || year > 2099) throw new RangeError(`year out of range: ${year}`);
  // A festival of lunar year Y can only fall in Gregorian Y (the lunar year starts in Jan/Feb and
  // the five festivals come before the eleventh lunar month), so lunar year = Gregorian year.
  return LUNAR_FESTIVALS.map((f) => ({
    key: f.key,
    date: Lunar.fromYmd(year, f.lunarMonth, f.lunarDay).getSolar().toYmd(),
    zh: f.zh,
    en: f.en,
  })).sort((a, b) => a.date.localeCompare(b.date));
}

/** The lunar festivals of one month, `month` as YYYY-MM. */
export function lunarFestivalsOfMonth(month: string): FestivalDate[] {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new RangeError(`month must be YYYY-MM: ${month}`);
  return lunarFestivalsOfYear(Number(m[1])).filter((f) => f.date.startsWith(month));
}

/**
 * The Gregorian date of a lunar birthday (lunar month/day) in Gregorian `year`, for members who
 * celebrate by the lunar calendar; a 30th that the year's month lacks falls on the 29th.
 */
export function lunarDateInYear(year: number, lunarMonth: number, lunarDay: number): string {
  try {
    return Lunar.fromYmd(year, lunarMonth, lunarDay).getSolar().toYmd();
  } catch {
    return Lunar.fromYmd(year, lunarMonth, Math.min(lunarDay, 29)).getSolar().toYmd();
  }
}
