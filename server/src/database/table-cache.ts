import type { ChangeFeed, Stamp, WatchedTable } from './change-feed.js';

export interface TableCacheOptions {
  /** Entries kept at most; the oldest go first. */
  maxEntries: number;
  /** A safety net: entries older than this are recomputed even without a change notice. */
  ttlMs: number;
}

/**
 * Values computed from one table (or group of tables), kept until the ChangeFeed reports a
 * change to it. Whole-cache invalidation: any change forgets every entry, which is right for
 * the things cached here (list totals, place names) and keeps the bookkeeping to one stamp.
 * Concurrent misses for the same key share one computation.
 */
export class TableCache<K, V> {
  private readonly entries = new Map<K, { value: V; at: number }>();
  private readonly pending = new Map<K, Promise<V>>();
  private stamp: Stamp | null = null;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly table: WatchedTable,
    private readonly opts: TableCacheOptions,
  ) {}

  /** The version entries are valid for; null while changes cannot be followed (cache off). */
  current(): Stamp | null {
    if (this.stamp && this.feed.valid(this.stamp)) return this.stamp;
    this.entries.clear();
    this.pending.clear();
    this.stamp = this.feed.stamp(this.table);
    return this.stamp;
  }

  /**
   * Forgets everything now, for a write this process made itself (a sign-out) whose change notice
   * may arrive after the next request: a computation already running is not kept either (its
   * stamp is no longer the current one).
   */
  clear(): void {
    this.entries.clear();
    this.pending.clear();
    this.stamp = null;
  }

  get(key: K): V | undefined {
    if (!this.current()) return undefined;
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (Date.now() - hit.at > this.opts.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  /** Keeps a value read after `since` was taken; dropped if the table changed in between. */
  set(key: K, value: V, since: Stamp | null): void {
    if (!since || since !== this.current()) return;
    this.entries.delete(key);
    this.entries.set(key, { value, at: Date.now() });
    if (this.entries.size > this.opts.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
  }

  /** The cached value, or `compute()`'s, kept if `keep` says it is worth keeping. */
  async through(key: K, compute: () => Promise<V>, keep: (v: V) => boolean = () => true): Promise<V> {
    const since = this.current();
    if (!since) return compute();
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const run = compute().then((value) => {
      if (keep(value)) this.set(key, value, since);
      return value;
    });
    this.pending.set(key, run);
    const forget = () => {
      if (this.pending.get(key) === run) this.pending.delete(key);
    };
    run.then(forget, forget);
    return run;
  }
}
