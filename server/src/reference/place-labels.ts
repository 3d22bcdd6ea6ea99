import { Inject, Injectable } from '@nestjs/common';
import { ChangeFeed } from '../database/change-feed.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { TableCache } from '../database/table-cache.js';

/** Project, building and unit names as the lists show them (M-1). */
export interface PlaceLabel {
  projectName: string;
  buildingName: string;
  unitNumber: string;
}

type Keyed = { id: number } & PlaceLabel;

/**
 * The place labels of a page of rows. Loading them as Prisma relations costs a query per
 * relation per page (five for an application), which dominated list latency at a million
 * members; here the labels not yet known are read in one joined query by primary keys, and
 * kept until a project, building, unit or household changes (ChangeFeed).
 */
@Injectable()
export class PlaceLabels {
  static readonly MAX_ENTRIES = 100_000;
  private readonly units: TableCache<number, PlaceLabel>;
  private readonly households: TableCache<number, PlaceLabel>;

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(ChangeFeed) feed: ChangeFeed,
  ) {
    const opts = { maxEntries: PlaceLabels.MAX_ENTRIES, ttlMs: 10 * 60_000 };
    this.units = new TableCache(feed, 'places', opts);
    this.households = new TableCache(feed, 'places', opts);
  }

  /** `keep: false` for a long export, which would otherwise push the lists' labels out of the cache. */
  forUnits(unitIds: number[], opts: { keep?: boolean } = {}): Promise<Map<number, PlaceLabel>> {
    return labels(this.units, unitIds, opts.keep ?? true, (ids) => this.db.$queryRaw<Keyed[]>`
      SELECT u.id, p.name AS "projectName", b.name AS "buildingName", u.number AS "unitNumber"
      FROM units u JOIN buildings b ON b.id = u."buildingId" JOIN projects p ON p.id = u."projectId"
      WHERE u.id = ANY(${ids}::int[])`);
  }

  /** The same, for households (one unit each). */
  forHouseholds(householdIds: number[]): Promise<Map<number, PlaceLabel>> {
    return labels(this.households, householdIds, true, (ids) => this.db.$queryRaw<Keyed[]>`
      SELECT h.id, p.name AS "projectName", b.name AS "buildingName", u.number AS "unitNumber"
      FROM households h JOIN units u ON u.id = h."unitId" JOIN buildings b ON b.id = u."buildingId" JOIN projects p ON p.id = u."projectId"
      WHERE h.id = ANY(${ids}::int[])`);
  }

  /** Regions by the names staff use (南京区域), for exports that must never show a code. */
  async regionNames(): Promise<Map<string, string>> {
    return new Map((await this.db.region.findMany({ select: { code: true, name: true } })).map((r) => [r.code, r.name]));
  }
}

async function labels(cache: TableCache<number, PlaceLabel>, ids: number[], keep: boolean, load: (ids: number[]) => Promise<Keyed[]>): Promise<Map<number, PlaceLabel>> {
  const found = new Map<number, PlaceLabel>();
  const missing: number[] = [];
  for (const id of new Set(ids)) {
    const hit = cache.get(id);
    if (hit) found.set(id, hit);
    else missing.push(id);
  }
  if (!missing.length) return found;
  const since = cache.current();
  for (const { id, ...label } of await load(missing)) {
    found.set(id, label);
    if (keep) cache.set(id, label, since);
  }
  return found;
}
