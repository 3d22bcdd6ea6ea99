import type { Db } from '../database/prisma.service.js';

/** Staff display names by id, for "received by", "prepared by" and the like; one query for a whole page. */
export async function staffNames(db: Db, ids: readonly (number | null | undefined)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((v): v is number => typeof v === 'number'))];
  if (!wanted.length) return new Map();
  const rows = await db.staffUser.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
