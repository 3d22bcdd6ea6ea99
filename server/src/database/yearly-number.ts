import { Prisma } from '../generated/prisma/client.js';

/** A numbered series of one table's column, restarting each year: SQ2026-000001, SJ2026-000001, … */
export interface YearlySeries {
  table: string;
  column: string;
  prefix: string;
  digits: number;
}

/**
 * The next number of the series for `year`, with no gaps or twins: an advisory lock per series
 * and year, held to the end of the caller's transaction, serialises the writers.
 */
export async function nextYearlyNumber(tx: Prisma.TransactionClient, series: YearlySeries, year: number): Promise<string> {
  const column = Prisma.raw(`"${series.column}"`);
  const head = `${series.prefix}${year}-`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${series.table}.${series.column}`}), ${year}::int)`;
  const [{ n }] = await tx.$queryRaw<{ n: number }[]>`
    SELECT COALESCE(max(substring(${column} from ${head.length + 1}::int)::int), 0)::int AS n
    FROM ${Prisma.raw(`"${series.table}"`)} WHERE ${column} LIKE ${`${head}%`}`;
  return `${head}${String(n + 1).padStart(series.digits, '0')}`;
}
