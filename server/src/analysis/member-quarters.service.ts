// R-1 / M-12: the quarter-end membership, frozen once the quarter has ended (so that past quarters
// do not move when today's records change) and rebuildable from the member history on request.
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/current-user.js';
import { clubToday } from '../calendar/calendar.service.js';
import { AppError } from '../common/app-error.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { memberQuarterWorkbook } from './member-quarter-export.js';
import { writeMemberQuarter } from './member-quarter-sql.js';
import { endedQuarters, isoDay, parseQuarter, quarterOfDay, quarterRange, type QuarterRange } from '../calendar/quarters.js';

/** How many ended quarters the scheduled job keeps frozen (two years and the current comparison). */
export const FROZEN_QUARTERS = 9;
const CHECK_EVERY_MS = 3_600_000;

export interface QuarterRun {
  quarter: string;
  quarterEnd: string;
  source: 'SCHEDULED' | 'REBUILT';
  builtAt: string;
  builtById: number | null;
  rows: number;
}

@Injectable()
export class MemberQuartersService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MemberQuarters');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  onApplicationBootstrap(): void {
    // At start and every hour: freeze each ended quarter that has no snapshot yet. Several API
    // processes may try at once; the run's primary key lets one win (see build).
    this.running = this.freezeMissing();
    this.timer = setInterval(() => {
      this.running ??= this.freezeMissing();
    }, CHECK_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** The scheduled job; never throws (a failure is logged and tried again in an hour). */
  async freezeMissing(): Promise<void> {
    try {
      const quarters = endedQuarters(FROZEN_QUARTERS);
      const have = new Set(
        (await this.db.memberQuarterRun.findMany({ where: { quarterEnd: { in: quarters.map((q) => q.end) } }, select: { quarterEnd: true } })).map((r) => isoDay(r.quarterEnd)),
      );
      for (const q of quarters) if (!have.has(isoDay(q.end))) await this.build(q, 'SCHEDULED', null);
    } catch (e) {
      this.logger.warn(`freezing quarter-end snapshots: ${String(e)}`);
    } finally {
      this.running = null;
    }
  }

  /**
   * Writes the quarter's rows and its run in one transaction. A scheduled build of a quarter that
   * another process froze meanwhile does nothing; a rebuild replaces what was there.
   */
  private async build(q: QuarterRange, source: 'SCHEDULED' | 'REBUILT', userId: number | null): Promise<number | null> {
    return this.db.$transaction(
      async (tx) => {
        // One builder per quarter at a time, across processes.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('member_quarter'), ${q.year * 10 + q.quarter})`;
        const existing = await tx.memberQuarterRun.findUnique({ where: { quarterEnd: q.end } });
        if (existing && source === 'SCHEDULED') return null;
        const rows = await writeMemberQuarter(tx, q.start, q.end);
        const run: Prisma.MemberQuarterRunUncheckedCreateInput = { quarterEnd: q.end, source, builtById: userId, rows, builtAt: new Date() };
        await tx.memberQuarterRun.upsert({ where: { quarterEnd: q.end }, create: run, update: run });
        return rows;
      },
      { timeout: 120_000 },
    );
  }

  async runs(): Promise<QuarterRun[]> {
    const rows = await this.db.memberQuarterRun.findMany({ orderBy: { quarterEnd: 'desc' } });
    return rows.map((r) => ({
      quarter: quarterOfDay(r.quarterEnd).label,
      quarterEnd: isoDay(r.quarterEnd),
      source: r.source,
      builtAt: r.builtAt.toISOString(),
      builtById: r.builtById,
      rows: r.rows,
    }));
  }

  /** The club manager rebuilds an ended quarter from the history (audited). */
  async rebuild(label: string, ctx: RequestContext): Promise<QuarterRun> {
    const q = parseQuarter(label);
    if (!q) throw AppError.field('quarter', 'analysis.badQuarter');
    if (q.end >= clubToday()) throw AppError.field('quarter', 'analysis.quarterNotEnded');
    const rows = await this.build(q, 'REBUILT', ctx.user.id);
    await this.audit.record(ctx, 'UPDATE', 'member-quarters', q.label, { rebuilt: true, rows });
    const run = (await this.runs()).find((r) => r.quarter === q.label);
    if (!run) throw AppError.notFound();
    return run;
  }

  /** R-1 as Excel for the caller's region; the quarter must be frozen. Audited as an export. */
  async exportWorkbook(label: string, ctx: RequestContext) {
    const q = parseQuarter(label);
    if (!q) throw AppError.field('quarter', 'analysis.badQuarter');
    if (!(await this.db.memberQuarterRun.findUnique({ where: { quarterEnd: q.end } }))) throw AppError.field('quarter', 'analysis.quarterNotFrozen');
    const region = ctx.user.regionCode ?? null;
    const regionName = region ? ((await this.db.region.findUnique({ where: { code: region }, select: { name: true } }))?.name ?? region) : null;
    const workbook = await memberQuarterWorkbook(this.db, q, region, regionName);
    await this.audit.record(ctx, 'EXPORT', 'member-quarters', q.label, { region });
    return { workbook, fileName: `季度会员分析-${q.year}年第${q.quarter}季度${regionName ? `-${regionName}` : ''}.xlsx` };
  }

  /**
   * R-1 as of 31 Dec of `year` for an annual plan (A-1, R-4): the membership's headline figures of
   * the region (null: the group), each key naming what it counts, with where they came from.
   * Null when that quarter is not frozen.
   */
  async yearEndFigures(year: number, region: string | null): Promise<Record<string, number | string> | null> {
    const q = quarterRange(year, 4);
    const run = await this.db.memberQuarterRun.findUnique({ where: { quarterEnd: q.end } });
    if (!run) return null;
    const rows = await this.db.$queryRaw<{ k: string; n: number }[]>`
      WITH s AS (SELECT * FROM member_quarter_snapshots WHERE "quarterEnd" = ${isoDay(q.end)}::date AND (${region}::text IS NULL OR "regionCode" = ${region}))
      SELECT 'members' k, count(*) FILTER (WHERE "memberAtEnd")::int n FROM s
      UNION ALL SELECT 'joinedInQuarter', count(*) FILTER (WHERE "joinedInQuarter")::int FROM s
      UNION ALL SELECT 'leftInQuarter', count(*) FILTER (WHERE "leftInQuarter")::int FROM s
      UNION ALL SELECT 'sex.' || sex, count(*)::int FROM s WHERE "memberAtEnd" GROUP BY sex
      UNION ALL SELECT 'education.' || coalesce(education::text, 'UNKNOWN'), count(*)::int FROM s WHERE "memberAtEnd" GROUP BY 1
      UNION ALL SELECT 'maritalStatus.' || "maritalStatus", count(*)::int FROM s WHERE "memberAtEnd" GROUP BY 1
      UNION ALL SELECT 'withChildren', count(*) FILTER (WHERE "childrenCount" > 0)::int FROM s WHERE "memberAtEnd"
      UNION ALL SELECT 'withCar', count(*) FILTER (WHERE "hasCar")::int FROM s WHERE "memberAtEnd"
      UNION ALL SELECT 'averageAge', round(avg("ageYears"))::int FROM s WHERE "memberAtEnd"`;
    const figures: Record<string, number | string> = { source: `${q.label}（${isoDay(q.end)}）`, builtAt: run.builtAt.toISOString() };
    for (const r of rows) if (r.n !== null) figures[r.k] = r.n;
    return figures;
  }
}
