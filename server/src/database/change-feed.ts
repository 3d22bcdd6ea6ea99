import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { CONFIG } from '../config/config.token.js';
import type { AppConfig } from '../config/app-config.js';
import { PRISMA, databaseUrlOf, type Db } from './prisma.service.js';

/** The channel the `announce_change` triggers (migration change_notifications) notify on. */
export const CHANGE_CHANNEL = 'club_changes';

/** Tables the triggers announce. Place names hang together (a unit's label needs its building and project). */
export type WatchedTable = 'members' | 'applications' | 'places' | 'staff';
const TABLE_OF: Record<string, WatchedTable> = {
  members: 'members',
  applications: 'applications',
  households: 'places',
  units: 'places',
  buildings: 'places',
  projects: 'places',
  // Who is signed in (AuthService.sessionUser): accounts and their sessions.
  staff_users: 'staff',
  staff_sessions: 'staff',
};

/** A version of what a cached value was computed from; it stays `valid` until that table changes. */
export interface Stamp {
  epoch: number;
  generation: number;
  table: WatchedTable;
}

const RETRY_MS = [500, 1000, 2000, 5000];

/**
 * Tells in-process caches when a table changed, whoever changed it: this process, another API
 * process, an import script or psql. Statement-level triggers NOTIFY on every INSERT, UPDATE,
 * DELETE or TRUNCATE; one dedicated connection LISTENs. While that connection is down nothing
 * may be cached (`stamp` returns null), and every cache is forgotten when it comes back, since
 * notifications sent in between were lost.
 */
@Injectable()
export class ChangeFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ChangeFeed');
  private readonly generations = new Map<WatchedTable, number>();
  private client: pg.Client | null = null;
  private epoch = 0;
  private live = false;
  private closed = false;
  private failures = 0;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.live = false;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  /** The current version of a table, or null when changes cannot be followed (nothing may be cached). */
  stamp(table: WatchedTable): Stamp | null {
    return this.live ? { epoch: this.epoch, generation: this.generations.get(table) ?? 0, table } : null;
  }

  /** True while nothing in `table` changed since `stamp` was taken. */
  valid(stamp: Stamp): boolean {
    return this.live && stamp.epoch === this.epoch && stamp.generation === (this.generations.get(stamp.table) ?? 0);
  }

  private changed(table: string): void {
    const watched = TABLE_OF[table];
    if (watched) this.generations.set(watched, (this.generations.get(watched) ?? 0) + 1);
  }

  private async connect(): Promise<void> {
    const url = this.config.listenUrl ?? databaseUrlOf(this.db);
    if (!url || this.closed) return;
    // keepAlive: a half-open connection would otherwise look alive while notices are lost.
    const client = new pg.Client({ connectionString: url, application_name: 'club-change-feed', keepAlive: true });
    client.on('notification', (n) => n.channel === CHANGE_CHANNEL && n.payload && this.changed(n.payload));
    // Until LISTEN succeeds a failure is handled (and logged) below, once.
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (e) {
      await client.end().catch(() => undefined);
      this.lost(client, e);
      return;
    }
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client));
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.epoch++;
    this.failures = 0;
    this.live = true;
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (this.client && this.client !== client) return;
    this.client = null;
    this.live = false;
    this.epoch++;
    if (this.closed || this.retry) return;
    const wait = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)];
    this.logger.warn(`not following database changes (caches off), retrying in ${wait} ms${error ? `: ${String(error)}` : ''}`);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, wait);
    this.retry.unref();
  }
}
