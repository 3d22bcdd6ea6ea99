import type { Db } from '../database/prisma.service.js';

/** Project, building and unit names as the lists show them (M-1). */
export interface PlaceLabel {
  projectName: string;
  buildingName: string;
  unitNumber: string;
}

/**
 * The place labels of a page of rows in one joined query. Loading them as Prisma relations costs
 * a query per relation per page (five for an application), which dominated list latency at a
 * million members; this is one indexed lookup by primary keys.
 */
export async function unitLabels(db: Db, unitIds: number[]): Promise<Map<number, PlaceLabel>> {
  if (!unitIds.length) return new Map();
  const rows = await db.$queryRaw<({ id: number } & PlaceLabel)[]>`
    SELECT u.id, p.name AS "projectName", b.name AS "buildingName", u.number AS "unitNumber"
    FROM units u JOIN buildings b ON b.id = u."buildingId" JOIN projects p ON p.id = u."projectId"
    WHERE u.id = ANY(${[...new Set(unitIds)]}::int[])`;
  return new Map(rows.map(({ id, ...label }) => [id, label]));
}

/** The same, for households (one unit each). */
export async function householdLabels(db: Db, householdIds: number[]): Promise<Map<number, PlaceLabel>> {
  if (!householdIds.length) return new Map();
  const rows = await db.$queryRaw<({ id: number } & PlaceLabel)[]>`
    SELECT h.id, p.name AS "projectName", b.name AS "buildingName", u.number AS "unitNumber"
    FROM households h JOIN units u ON u.id = h."unitId" JOIN buildings b ON b.id = u."buildingId" JOIN projects p ON p.id = u."projectId"
    WHERE h.id = ANY(${[...new Set(householdIds)]}::int[])`;
  return new Map(rows.map(({ id, ...label }) => [id, label]));
}
