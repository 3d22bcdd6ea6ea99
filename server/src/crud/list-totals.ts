import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '../config/config.token.js';
import type { AppConfig } from '../config/app-config.js';
import { ChangeFeed, type WatchedTable } from '../database/change-feed.js';
import { TableCache } from '../database/table-cache.js';

/**
 * Counts behind `X-Total-Count` and the per-state task counts. Counting a large result costs
 * more than fetching its page (tens of thousands of index entries at a million members), and
 * every page of the same filter asks again, so large counts are kept until the table changes
 * (ChangeFeed: any write by anyone) or TOTAL_TTL_MS passes. Small counts are cheap and always
 * recounted: below `config.cachedTotalMinRows` nothing is kept.
 */
@Injectable()
export class ListTotals {
  static readonly TOTAL_TTL_MS = 30_000;
  private readonly caches = new Map<WatchedTable, TableCache<string, unknown>>();

  constructor(
    @Inject(ChangeFeed) private readonly feed: ChangeFeed,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  private cache<V>(table: WatchedTable): TableCache<string, V> {
    let c = this.caches.get(table);
    if (!c) this.caches.set(table, (c = new TableCache(this.feed, table, { maxEntries: 2_000, ttlMs: ListTotals.TOTAL_TTL_MS })));
    return c as TableCache<string, V>;
  }

  /** `count()` for the rows of `table` matching `where` (the key: it includes the caller's region scope). */
  count(table: WatchedTable, where: unknown, count: () => Promise<number>): Promise<number> {
    return this.cache<number>(table).through(keyOf('count', where), count, (n) => n >= this.config.cachedTotalMinRows);
  }

  /** Any other aggregate over `table` (per-state counts), kept when `size` of it is large. */
  aggregate<V>(table: WatchedTable, name: string, where: unknown, compute: () => Promise<V>, size: (v: V) => number): Promise<V> {
    return this.cache<V>(table).through(keyOf(name, where), compute, (v) => size(v) >= this.config.cachedTotalMinRows);
  }
}

function keyOf(name: string, where: unknown): string {
  return `${name}:${JSON.stringify(where)}`;
}
