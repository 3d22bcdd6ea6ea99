import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import type { RequestContext } from '../../auth/current-user.js';
import { AppError } from '../../common/app-error.js';
import { t } from '../../common/i18n.js';
import { parseListQuery, type ListSpec } from '../../crud/list-query.js';
import { PRISMA, type Db } from '../../database/prisma.service.js';
import type { ImportJob, Prisma } from '../../generated/prisma/client.js';
import { eligibilityErrors } from '../../members/eligibility.js';
import { toPinyin } from '../../members/pinyin.js';
import { clubToday } from '../../calendar/calendar.service.js';
import { columnOf, missingRequired, type ImportColumn } from './columns.js';
import { eligibilityRowErrors, parseRow, type Location, type ParsedRow, type RowError } from './row-parser.js';
import { readSheet, XlsxError, type Cell, type SheetRow } from './xlsx-reader.js';
import { countSheetRows, xlsxEntries } from './xlsx-peek.js';

const EMPTY: Cell = { text: '' };

export type ImportMode = 'ALL_OR_NOTHING' | 'VALID_ONLY';

/** Rows validated (and looked up) per round trip, and members inserted per statement. */
const CHUNK = 1000;
/** The stored report keeps this many errors; the counts stay exact. */
const REPORT_MAX = 50_000;
/** Statuses of a job whose work is under way (in some process). */
const RUNNING = ['VALIDATING', 'VALIDATED', 'IMPORTING'] as const;
/**
 * A running job's process writes `heartbeatAt` after every batch and every heartbeat (10 s); a
 * job whose heartbeat is older than STALE_BEATS of them has lost its process (a crash, a kill, a
 * stop that could not finish) and is marked FAILED, at start-up and at every heartbeat after.
 * CLUB_IMPORT_HEARTBEAT_MS shortens the heartbeat for the crash test.
 */
const STALE_BEATS = 3;

/** The job's work was stopped (the API is shutting down). */
class Interrupted extends Error {}

export const importListSpec: ListSpec = {
  fields: {
    id: { kind: 'int', sortable: true },
    status: { kind: 'enum', values: ['VALIDATING', 'VALIDATED', 'IMPORTING', 'DONE', 'FAILED'] },
    mode: { kind: 'enum', values: ['ALL_OR_NOTHING', 'VALID_ONLY'] },
    createdById: { kind: 'int' },
    fileName: { kind: 'string', sortable: true },
    createdAt: { kind: 'date', sortable: true },
  },
  search: (q) => ({ fileName: { contains: q, mode: 'insensitive' } }),
  defaultSort: [{ createdAt: 'desc' }, { id: 'desc' }],
};

interface Place {
  householdId: number;
  projectId: number;
  buildingId: number;
  unitId: number;
  regionCode: string;
  owners: Map<string, number>;
}
type PlaceLookup = Place | 'missing' | 'ambiguous';

interface Prepared {
  /** The sheet row. */
  row: number;
  data: Prisma.MemberCreateManyInput;
  hobbyIds: number[];
  children: { relation?: string; name: string; birthDate?: Date | null; sex?: string | null }[];
}

/**
 * M-4 data in bulk: members from an appendix-1 sheet. The upload is checked at once (an xlsx
 * with the template's headers and at least one row?) and answered with the job; the rows are
 * then read as a stream in the background (in this process), checked with the API's own rules
 * (MemberCreateInput, M-2 eligibility, the household by 楼盘/楼栋/房号 in the caller's region and
 * its owner by 业主证件号码) and inserted in batches. People already in the household (same ID
 * number, the table's unique key) are skipped, so importing a file twice adds nobody twice.
 * Progress (rows checked, created, skipped, failed) is written to the job after every batch.
 *
 * Crashes and stops: a VALID_ONLY batch commits its members together with the job's createdRows
 * and committedThroughRow and its own audit entry (the member ids), so whatever happens next, the
 * job says exactly what is in and the audit log has it. A stop ends a job at its next batch
 * (FAILED, the committed part kept; ALL_OR_NOTHING rolls back); a crash leaves a job whose
 * heartbeat goes stale, and the next start (or any running instance, within three heartbeats)
 * marks it FAILED the same way. Its uploader resumes a VALID_ONLY job with the same file
 * (resume(): the rows through committedThroughRow are checked again, not inserted); importing the
 * same file as a new job works too, the committed rows skipped as duplicates. The upload itself is
 * never kept on the server, so nothing resumes on its own.
 * Scope: jobs carry the uploader's region; a regional officer sees only their region's jobs and
 * reports (Seed 001, M-11).
 */
@Injectable()
export class ImportService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Import');
  private readonly running = new Map<number, Promise<void>>();
  private readonly stops = new Map<number, AbortController>();
  /** This process, on the jobs it runs. */
  readonly workerId = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private readonly heartbeatMs = Number(process.env.CLUB_IMPORT_HEARTBEAT_MS) || 10_000;
  /** Test hook (tests/api/import-crash.test.ts): a VALID_ONLY import waits this long after its first committed batch. */
  private readonly pauseAfterFirstBatchMs = Number(process.env.CLUB_IMPORT_TEST_PAUSE_MS) || 0;

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /**
   * Jobs left running by a process that is gone are marked FAILED, with what they committed
   * (VALID_ONLY commits batch by batch, each batch audited; ALL_OR_NOTHING rolled back).
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.failOrphans();
    this.timer = setInterval(() => {
      void this.beat().catch((e: unknown) => this.logger.warn(`import heartbeat: ${String(e)}`));
    }, this.heartbeatMs);
    this.timer.unref();
  }

  /** A stop: running jobs end at their next batch (marked FAILED, their committed part kept). */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    for (const stop of this.stops.values()) stop.abort();
    await Promise.allSettled(this.running.values());
  }

  private async beat(): Promise<void> {
    const ids = [...this.running.keys()];
    if (ids.length) await this.db.importJob.updateMany({ where: { id: { in: ids }, status: { in: [...RUNNING] } }, data: { heartbeatAt: new Date() } });
    await this.failOrphans();
  }

  /** Marks FAILED the running jobs whose process stopped beating; returns how many. */
  async failOrphans(): Promise<number> {
    const stale = new Date(Date.now() - STALE_BEATS * this.heartbeatMs);
    const orphans = await this.db.importJob.findMany({
      where: { status: { in: [...RUNNING] }, id: { notIn: [...this.running.keys()] }, OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: stale } }] },
      select: { id: true, lang: true, createdRows: true, committedThroughRow: true, mode: true },
    });
    for (const job of orphans) {
      const lang = job.lang === 'en' ? 'en' : 'zh';
      // ALL_OR_NOTHING rolled back unless its one transaction had committed (createdRows is set in it).
      const nothing = job.mode === 'ALL_OR_NOTHING' && job.createdRows === 0;
      const error = t(lang, nothing ? 'members.import.interruptedAtomic' : 'members.import.interrupted', { created: job.createdRows, row: job.committedThroughRow });
      // Only if still stale: another process may have taken it up meanwhile (it never does today).
      await this.db.importJob.updateMany({
        where: { id: job.id, status: { in: [...RUNNING] }, OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: stale } }] },
        data: { status: 'FAILED', error: error.slice(0, 1000), finishedAt: new Date() },
      });
      this.logger.warn(`import ${job.id} was interrupted (its process is gone); marked FAILED with ${job.createdRows} rows committed`);
    }
    return orphans.length;
  }

  /** Resolves when the job's background work is over (tests and the benchmark wait on it). */
  async wait(id: number): Promise<void> {
    await this.running.get(id);
  }

  async start(file: { buffer: Buffer; originalname: string } | undefined, modeRaw: unknown, ctx: RequestContext) {
    if (modeRaw !== 'ALL_OR_NOTHING' && modeRaw !== 'VALID_ONLY') throw AppError.field('mode', 'privacy.badMode');
    const mode: ImportMode = modeRaw;
    if (!file?.buffer?.length) throw AppError.field('file', 'privacy.fileMissing');
    const buf = file.buffer;
    const { headers, rows } = await inspectUpload(buf);
    if (!headers) throw AppError.field('file', 'privacy.noSheet');
    const missing = missingRequired(headers);
    if (missing.length) throw AppError.field('file', 'privacy.missingHeaders', { columns: missing.join('、') });
    if (rows !== null && rows <= 1) throw AppError.field('file', 'privacy.emptyFile');

    // Multer reads multipart file names as latin1; browsers send UTF-8.
    const fileName = Buffer.from(file.originalname, 'latin1').toString('utf8').slice(0, 200);
    const job = await this.db.$transaction(async (tx) => {
      const job = await tx.importJob.create({
        data: {
          fileName,
          fileSha256: createHash('sha256').update(buf).digest('hex'),
          mode,
          totalRows: rows === null ? 0 : rows - 1,
          createdById: ctx.user.id,
          // The uploader's region: who else may see the job and its report (ID numbers in it).
          regionCode: ctx.user.regionCode,
          lang: ctx.lang,
          workerId: this.workerId,
          heartbeatAt: new Date(),
        },
      });
      await this.audit.record(ctx, 'CREATE', 'import-jobs', job.id, { fileName, mode, rows: job.totalRows }, tx);
      return job;
    });
    this.launch(job.id, buf, mode, ctx);
    return this.toResponse(job, [], 0);
  }

  /**
   * Goes on with an interrupted (or failed) VALID_ONLY job from the row its last committed batch
   * ended on, in the same job: the uploader uploads the same file again (its SHA-256 must match;
   * the file itself is never kept on the server). The rows before are checked again for the report
   * and the counts, not inserted again.
   */
  async resume(id: number, file: { buffer: Buffer } | undefined, ctx: RequestContext) {
    const job = await this.db.importJob.findFirst({ where: { id, ...this.scope(ctx) }, omit: { report: true } });
    if (!job) throw AppError.notFound();
    // The uploader's region decided which rows were valid: only they may go on with it.
    if (job.createdById !== ctx.user.id) throw new AppError(403, 'members.import.resumeOwnJob');
    if (job.mode !== 'VALID_ONLY' || job.status !== 'FAILED') throw new AppError(409, 'members.import.notResumable');
    if (!file?.buffer?.length) throw AppError.field('file', 'privacy.fileMissing');
    if (createHash('sha256').update(file.buffer).digest('hex') !== job.fileSha256) throw AppError.field('file', 'members.import.resumeOtherFile');
    const taken = await this.db.importJob.updateMany({
      where: { id, status: 'FAILED' },
      data: { status: 'VALIDATING', error: null, finishedAt: null, workerId: this.workerId, heartbeatAt: new Date(), lang: ctx.lang },
    });
    if (taken.count !== 1) throw new AppError(409, 'members.import.notResumable');
    await this.audit.record(ctx, 'UPDATE', 'import-jobs', id, { resumedAfterRow: job.committedThroughRow, createdBefore: job.createdRows });
    this.launch(id, file.buffer, 'VALID_ONLY', ctx, { afterRow: job.committedThroughRow, created: job.createdRows });
    return this.toResponse({ ...job, status: 'VALIDATING', error: null, finishedAt: null, report: [] }, [], 0);
  }

  /** Runs a job in the background of this process, and records how it ended if not DONE. */
  private launch(jobId: number, buf: Buffer, mode: ImportMode, ctx: RequestContext, resume?: { afterRow: number; created: number }): void {
    const job = { id: jobId };
    const stop = new AbortController();
    const work = this.run(job.id, buf, mode, ctx, stop.signal, resume)
      .catch(async (e: unknown) => {
        let message: string;
        if (e instanceof Interrupted) {
          const done = await this.db.importJob.findUnique({ where: { id: job.id }, select: { createdRows: true, committedThroughRow: true } });
          const nothing = mode === 'ALL_OR_NOTHING' && !done?.createdRows;
          message = t(ctx.lang, nothing ? 'members.import.interruptedAtomic' : 'members.import.interrupted', { created: done?.createdRows ?? 0, row: done?.committedThroughRow ?? 0 });
          this.logger.warn(`import ${job.id} stopped with the API: ${message}`);
        } else if (e instanceof XlsxError) {
          message = t(ctx.lang, 'privacy.import.failed', { message: t(ctx.lang, e.key, e.params) });
        } else {
          this.logger.error(`import ${job.id} failed: ${(e as Error)?.stack ?? String(e)}`);
          message = t(ctx.lang, 'privacy.import.failed', { message: String((e as Error)?.message ?? e).slice(0, 500) });
        }
        await this.db.importJob.update({ where: { id: job.id }, data: { status: 'FAILED', error: message.slice(0, 1000), finishedAt: new Date() } }).catch(() => undefined);
      })
      .finally(() => {
        this.running.delete(job.id);
        this.stops.delete(job.id);
      });
    this.running.set(job.id, work);
    this.stops.set(job.id, stop);
  }

  /**
   * One pass over the sheet: each batch of rows is validated, then inserted while the next batch
   * is read and checked (one insert in flight at a time). VALID_ONLY commits batch by batch;
   * ALL_OR_NOTHING runs the whole pass in one transaction and rolls it back if any row failed,
   * so either every row is in or none is.
   */
  /**
   * `resume`: the job was interrupted after committing every valid row through `afterRow`
   * (`created` of them); those rows are checked again (for the report and the counts) but not
   * inserted. Each of them was either created then or skipped, so skipped = (skipped now) − created.
   */
  private async run(jobId: number, buf: Buffer, mode: ImportMode, ctx: RequestContext, stop: AbortSignal, resume = { afterRow: 0, created: 0 }): Promise<void> {
    const lang = ctx.lang;
    const hobbies = new Map<string, number>();
    for (const h of await this.db.hobby.findMany()) {
      hobbies.set(h.nameZh, h.id);
      hobbies.set(h.code.toLowerCase(), h.id);
      hobbies.set(h.nameEn.toLowerCase(), h.id);
    }
    const places = new Map<string, PlaceLookup>();
    const seen = new Set<string>();
    const report: RowError[] = [];
    const today = clubToday();
    const c = { total: 0, invalid: 0, valid: 0, skipped: 0, created: resume.created, lastRow: 0 };
    const skipped = () => Math.max(0, c.skipped - resume.created);
    let columns: Map<number, ImportColumn> | null = null;
    let pending: SheetRow[] = [];
    let inflight: Promise<void> = Promise.resolve();
    let insertError: unknown = null;
    const atomic = mode === 'ALL_OR_NOTHING';

    const placeError = (l: Location, place: 'missing' | 'ambiguous'): RowError =>
      place === 'ambiguous'
        ? { row: l.rowNumber, column: '楼盘', message: t(lang, 'privacy.row.ambiguousProject', { project: l.project }) }
        : { row: l.rowNumber, column: '房号', message: t(lang, 'privacy.row.household', { project: l.project, building: l.building, unit: l.unit }) };
    const withValues = new Set<number>();
    /** A batch's errors; the first of each row carries the row as uploaded (rows: the batch's, by number). */
    const addErrors = (errs: RowError[], rows?: Map<number, SheetRow>) => {
      for (const e of errs) {
        if (report.length >= REPORT_MAX) return;
        const row = e.row && !withValues.has(e.row) ? rows?.get(e.row) : undefined;
        if (row && columns) {
          withValues.add(e.row);
          report.push({ ...e, values: Object.fromEntries([...columns].map(([i, col]) => [col.header, row.cells[i]?.text ?? ''])) });
        } else report.push(e);
      }
    };

    let batchNo = 0;
    let paused = false;
    const insertChunk = async (tx: Prisma.TransactionClient, part: Prepared[], lastRow: number) => {
      const rows = await insertMembers(tx, part.map((p) => p.data));
      const byKey = new Map(part.map((p) => [`${p.data.householdId}|${p.data.idNumber}`, p]));
      const links = rows.flatMap((m) => (byKey.get(`${m.householdId}|${m.idNumber}`)?.hobbyIds ?? []).map((hobbyId) => [m.id, hobbyId] as const));
      const children = rows.flatMap((m) => (byKey.get(`${m.householdId}|${m.idNumber}`)?.children ?? []).map((f) => ({ ...f, memberId: m.id })));
      if (children.length) await tx.$executeRawUnsafe(INSERT_CHILDREN, dayJson(children));
      if (links.length) {
        await tx.$executeRaw`INSERT INTO member_hobbies ("memberId", "hobbyId") SELECT * FROM unnest(${links.map((l) => l[0])}::int[], ${links.map((l) => l[1])}::int[]) ON CONFLICT DO NOTHING`;
      }
      if (!atomic) {
        // VALID_ONLY: this batch is committed with its count on the job and its own audit entry,
        // so a crash later leaves a job that says exactly what is in (committedThroughRow).
        batchNo += 1;
        await tx.importJob.update({ where: { id: jobId }, data: { createdRows: { increment: rows.length }, committedThroughRow: lastRow, heartbeatAt: new Date() } });
        await this.audit.record(
          ctx,
          'CREATE',
          'members',
          null,
          { importJobId: jobId, mode, batch: batchNo, created: rows.length, throughRow: lastRow, memberIds: rows.map((r) => r.id), ...(resume.afterRow ? { resumedAfterRow: resume.afterRow } : {}) },
          tx,
        );
      }
      c.created += rows.length;
      // Someone added the same person meanwhile: counted as skipped, like any duplicate.
      c.skipped += part.length - rows.length;
    };

    const validateBatch = async (): Promise<{ prepared: Prepared[]; lastRow: number }> => {
      const lastRow = pending.at(-1)?.number ?? 0;
      const batch = new Map(pending.map((r) => [r.number, r]));
      const parsed: ParsedRow[] = [];
      const failed: { location: Location; errors: RowError[] }[] = [];
      for (const r of pending) {
        const cells = new Map<ImportColumn, Cell>();
        for (const [i, col] of columns!) cells.set(col, r.cells[i] ?? EMPTY);
        const result = parseRow(r.number, cells, hobbies, lang);
        if ('ok' in result) parsed.push(result.ok);
        else {
          c.invalid++;
          if (result.location) failed.push({ location: result.location, errors: result.errors });
          else addErrors(result.errors, batch);
        }
      }
      pending = [];
      await this.lookupPlaces([...parsed, ...failed.map((f) => f.location)], places, ctx);
      // Rows that already failed: add what is wrong with their unit or owner, if anything.
      for (const { location, errors } of failed) {
        const place = places.get(placeKey(location))!;
        if (place === 'missing' || place === 'ambiguous') errors.push(placeError(location, place));
        else if (location.ownerIdNumber && !place.owners.has(location.ownerIdNumber) && !errors.some((e) => e.column === '业主证件号码')) {
          errors.push({ row: location.rowNumber, column: '业主证件号码', message: t(lang, 'privacy.row.owner', { idNumber: location.ownerIdNumber }) });
        }
        addErrors(errors, batch);
      }
      const candidates: { row: ParsedRow; place: Place; ownerId: number }[] = [];
      for (const row of parsed) {
        const place = places.get(placeKey(row))!;
        if (place === 'missing' || place === 'ambiguous') {
          c.invalid++;
          addErrors([placeError(row, place)], batch);
          continue;
        }
        const ownerId = place.owners.get(row.ownerIdNumber);
        const errors = eligibilityErrors({
          birthDate: row.input.birthDate,
          relation: row.input.relation,
          idNumber: row.input.idNumber,
          householdId: place.householdId,
          owner: ownerId === undefined ? null : { householdId: place.householdId, idNumber: row.ownerIdNumber },
          today,
        });
        if (ownerId === undefined) errors.ownerId = { text: t(lang, 'privacy.row.owner', { idNumber: row.ownerIdNumber || '-' }) };
        if (Object.keys(errors).length) {
          c.invalid++;
          addErrors(eligibilityRowErrors(row.rowNumber, errors, lang), batch);
          continue;
        }
        candidates.push({ row, place, ownerId: ownerId! });
      }
      // Already members of that household (an earlier import, or typed in): skipped, not failed.
      const existing = await this.existing(candidates.map((x) => [x.place.householdId, x.row.input.idNumber]));
      const prepared: Prepared[] = [];
      for (const { row, place, ownerId } of candidates) {
        c.valid++;
        const key = `${place.householdId}|${row.input.idNumber}`;
        if (existing.has(key) || seen.has(key)) {
          c.skipped++;
          continue;
        }
        seen.add(key);
        const { familyMembers, hobbyIds, extra, ...form } = row.input;
        prepared.push({
          row: row.rowNumber,
          hobbyIds: hobbyIds ?? [],
          children: (familyMembers ?? []).map(({ id: _id, ...f }) => f),
          data: {
            ...form,
            pinyin: form.pinyin ?? toPinyin(form.name),
            nationality: form.nationality ?? '中国',
            joinedOn: form.joinedOn ?? today,
            extra: extra ?? {},
            householdId: place.householdId,
            ownerId,
            projectId: place.projectId,
            buildingId: place.buildingId,
            unitId: place.unitId,
            regionCode: place.regionCode,
          },
        });
      }
      return { prepared, lastRow };
    };

    // createdRows is written by each committed batch (VALID_ONLY), never from here.
    const progress = () =>
      this.db.importJob.update({
        where: { id: jobId },
        data: { processedRows: c.total, validRows: c.valid, invalidRows: c.invalid, skippedRows: skipped(), heartbeatAt: new Date() },
      });

    const flush = async (tx: Prisma.TransactionClient | null) => {
      if (stop.aborted) throw new Interrupted();
      const { prepared: checked, lastRow } = await validateBatch();
      // Resumed: rows through afterRow were committed before (or skipped then); never again.
      const prepared = resume.afterRow ? checked.filter((p) => p.row > resume.afterRow) : checked;
      c.skipped += checked.length - prepared.length;
      await inflight;
      if (insertError) throw insertError;
      if (stop.aborted) throw new Interrupted();
      if (this.pauseAfterFirstBatchMs && !atomic && batchNo === 1 && !paused) {
        paused = true;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pauseAfterFirstBatchMs);
          stop.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
        });
        if (stop.aborted) throw new Interrupted();
      }
      // All or nothing: once a row has failed nothing will be kept, so stop inserting.
      if (prepared.length && !(atomic && c.invalid > 0)) {
        inflight = (tx ? insertChunk(tx, prepared, lastRow) : this.db.$transaction((own) => insertChunk(own, prepared, lastRow))).catch((e: unknown) => {
          insertError = e;
        });
      }
      await progress();
    };

    const pass = async (tx: Prisma.TransactionClient | null) => {
      for await (const batch of readSheet(buf)) {
        for (const row of batch) {
          if (!row.cells.some((x) => x?.text.trim())) continue; // blank line
          if (!columns) {
            const map = new Map<number, ImportColumn>();
            row.cells.forEach((x, i) => {
              const header = (x?.text ?? '').replace(/\s+/g, '');
              const col = columnOf(header);
              if (col && ![...map.values()].includes(col)) map.set(i, col);
            });
            columns = map;
            continue;
          }
          c.total++;
          c.lastRow = row.number;
          pending.push(row);
          if (pending.length >= CHUNK) await flush(tx);
        }
      }
      if (pending.length) await flush(tx);
      await inflight;
      if (insertError) throw insertError;
    };

    const ROLLBACK = Symbol('rollback');
    if (atomic) {
      await this.db
        .$transaction(
          async (tx) => {
            await pass(tx);
            if (c.invalid > 0) throw ROLLBACK;
            // In the same transaction as the members: if the process dies after the commit, the job
            // still says how many came in.
            await tx.importJob.update({ where: { id: jobId }, data: { status: 'IMPORTING', createdRows: c.created, committedThroughRow: c.lastRow } });
            await this.audit.record(ctx, 'CREATE', 'members', null, { importJobId: jobId, created: c.created, skipped: c.skipped, mode }, tx);
          },
          { timeout: 30 * 60_000, maxWait: 60_000 },
        )
        .catch((e: unknown) => {
          if (e !== ROLLBACK) throw e;
          c.created = 0;
        });
    } else {
      // Every committed batch has its own audit entry (insertChunk).
      await pass(null);
    }

    report.sort((a, b) => a.row - b.row);
    if (report.length >= REPORT_MAX) report.push({ row: 0, column: '', message: t(lang, 'privacy.row.tooManyErrors', { max: REPORT_MAX }) });
    await this.db.importJob.update({
      where: { id: jobId },
      data: {
        status: 'DONE',
        totalRows: c.total,
        processedRows: c.total,
        validRows: c.valid,
        invalidRows: c.invalid,
        skippedRows: skipped(),
        createdRows: c.created,
        report: report as unknown as Prisma.InputJsonValue,
        finishedAt: new Date(),
      },
    });
  }

  /** Households by 楼盘 (name or code) / 楼栋 / 房号 within the caller's region, with their owners. */
  private async lookupPlaces(rows: Location[], cache: Map<string, PlaceLookup>, ctx: RequestContext): Promise<void> {
    const keys = [...new Set(rows.map(placeKey))].filter((k) => !cache.has(k));
    if (!keys.length) return;
    const parts = keys.map((k) => k.split('\u0001'));
    const found = await this.db.$queryRaw<{ key: string; householdId: number; projectId: number; buildingId: number; unitId: number; regionCode: string }[]>`
      SELECT k.p || chr(1) || k.b || chr(1) || k.u AS key, h.id AS "householdId", p.id AS "projectId", b.id AS "buildingId", u.id AS "unitId", p."regionCode"
      FROM unnest(${parts.map((p) => p[0])}::text[], ${parts.map((p) => p[1])}::text[], ${parts.map((p) => p[2])}::text[]) AS k(p, b, u)
      JOIN projects p ON p.name = k.p OR p.code = k.p
      JOIN buildings b ON b."projectId" = p.id AND b.name = k.b
      JOIN units u ON u."buildingId" = b.id AND u.number = k.u
      JOIN households h ON h."unitId" = u.id
      WHERE ${ctx.user.regionCode}::text IS NULL OR p."regionCode" = ${ctx.user.regionCode}::text`;
    const byKey = new Map<string, typeof found>();
    for (const f of found) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
    const householdIds = found.map((f) => f.householdId);
    const owners = householdIds.length ? await this.db.householdOwner.findMany({ where: { householdId: { in: householdIds } }, select: { id: true, householdId: true, idNumber: true } }) : [];
    const ownersOf = new Map<number, Map<string, number>>();
    for (const o of owners) {
      if (!ownersOf.has(o.householdId)) ownersOf.set(o.householdId, new Map());
      ownersOf.get(o.householdId)!.set(o.idNumber, o.id);
    }
    for (const k of keys) {
      const hits = byKey.get(k) ?? [];
      if (!hits.length) cache.set(k, 'missing');
      else if (hits.length > 1) cache.set(k, 'ambiguous');
      else cache.set(k, { ...hits[0], owners: ownersOf.get(hits[0].householdId) ?? new Map() });
    }
  }

  private async existing(pairs: [number, string][]): Promise<Set<string>> {
    if (!pairs.length) return new Set();
    const rows = await this.db.$queryRaw<{ householdId: number; idNumber: string }[]>`
      SELECT m."householdId", m."idNumber" FROM members m
      JOIN unnest(${pairs.map((p) => p[0])}::int[], ${pairs.map((p) => p[1])}::text[]) AS k(h, i) ON m."householdId" = k.h AND m."idNumber" = k.i`;
    return new Set(rows.map((r) => `${r.householdId}|${r.idNumber}`));
  }

  /**
   * Seed 001 and M-11: a regional officer sees the jobs of their own region (and their own); the
   * group club sees every job. A job's report holds owners' ID numbers, so the same rule guards it.
   */
  private scope(ctx: RequestContext): Prisma.ImportJobWhereInput {
    return ctx.user.regionCode ? { OR: [{ regionCode: ctx.user.regionCode }, { createdById: ctx.user.id }] } : {};
  }

  async list(query: Record<string, unknown>, ctx: RequestContext) {
    const q = parseListQuery(importListSpec, query);
    const where: Prisma.ImportJobWhereInput = { AND: [q.where as Prisma.ImportJobWhereInput, this.scope(ctx)] };
    const [total, rows] = await Promise.all([
      this.db.importJob.count({ where }),
      this.db.importJob.findMany({ where, orderBy: q.orderBy as Prisma.ImportJobOrderByWithRelationInput[], skip: q.skip, take: q.take, omit: { report: true } }),
    ]);
    return { total, data: rows.map((r) => this.toResponse({ ...r, report: [] }, null, null)) };
  }

  /** The hobbies' Chinese names in their order, for the template's instructions. */
  async hobbyNames(): Promise<string[]> {
    return (await this.db.hobby.findMany({ orderBy: { sortOrder: 'asc' }, select: { nameZh: true } })).map((h) => h.nameZh);
  }

  /** The job with one page of its report (report rows are 1-based `_start`/`_end` like lists). */
  async get(id: number, query: Record<string, unknown>, ctx: RequestContext) {
    const job = await this.db.importJob.findFirst({ where: { id, ...this.scope(ctx) }, omit: { report: true } });
    if (!job) throw AppError.notFound();
    const start = Math.max(0, Number.parseInt(String(query._start ?? '0'), 10) || 0);
    const end = Math.min(start + 1000, Math.max(start, Number.parseInt(String(query._end ?? String(start + 100)), 10) || start + 100));
    const [page] = await this.db.$queryRaw<{ n: number; page: RowError[] | null }[]>`
      SELECT jsonb_array_length(report)::int AS n,
             (SELECT jsonb_agg(e - 'values' ORDER BY i) FROM jsonb_array_elements(report) WITH ORDINALITY AS x(e, i) WHERE i > ${start} AND i <= ${end}) AS page
      FROM import_jobs WHERE id = ${id}`;
    return this.toResponse({ ...job, report: [] }, page?.page ?? [], page?.n ?? 0);
  }

  async fullReport(id: number, ctx: RequestContext): Promise<{ job: ImportJob; report: RowError[] }> {
    const job = await this.db.importJob.findFirst({ where: { id, ...this.scope(ctx) } });
    if (!job) throw AppError.notFound();
    return { job, report: job.report as unknown as RowError[] };
  }

  toResponse(job: ImportJob, report: RowError[] | null, reportTotal: number | null) {
    // One pass reads, checks and (VALID_ONLY) inserts; ALL_OR_NOTHING then commits (IMPORTING).
    let progress = 1;
    if (job.status === 'VALIDATING') progress = job.totalRows ? Math.min(0.99, job.processedRows / job.totalRows) : 0;
    else if (job.status === 'VALIDATED' || job.status === 'IMPORTING') progress = 0.99;
    return {
      id: job.id,
      fileName: job.fileName,
      fileSha256: job.fileSha256,
      mode: job.mode,
      status: job.status,
      totalRows: job.totalRows,
      processedRows: job.processedRows,
      validRows: job.validRows,
      invalidRows: job.invalidRows,
      createdRows: job.createdRows,
      skippedRows: job.skippedRows,
      /** VALID_ONLY: the sheet row up to which every valid row is committed (and audited). */
      committedThroughRow: job.committedThroughRow,
      /** 0–100: rows read and checked (and, for VALID_ONLY, inserted) of the sheet's rows. */
      progress: Math.round(Math.min(1, progress) * 100),
      error: job.error,
      createdById: job.createdById,
      regionCode: job.regionCode,
      createdAt: job.createdAt.toISOString(),
      finishedAt: job.finishedAt?.toISOString() ?? null,
      ...(report ? { report, reportTotal } : {}),
    };
  }
}

/**
 * What POST /api/imports checks before it answers: a workbook, its header row, its row count.
 * Under the reader's limits (XLSX_LIMITS); a hostile or broken file is a 400 in the caller's
 * language, never a 500.
 */
export async function inspectUpload(buf: Buffer): Promise<{ headers: string[] | null; rows: number | null }> {
  try {
    const entries = xlsxEntries(buf);
    if (!entries) throw AppError.field('file', 'privacy.notXlsx');
    let headers: string[] | null = null;
    for await (const rows of readSheet(buf)) {
      const first = rows.find((r) => r.cells.some((c) => c?.text.trim()));
      if (first) {
        headers = [...first.cells].map((c) => (c?.text ?? '').replace(/\s+/g, '')).filter(Boolean);
        break;
      }
    }
    return { headers, rows: await countSheetRows(buf, entries) };
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (e instanceof XlsxError) throw AppError.field('file', e.key, e.params);
    new Logger('Import').warn(`unreadable upload: ${(e as Error)?.stack ?? String(e)}`);
    throw AppError.field('file', 'members.import.badZip');
  }
}

/** Member columns an import fills, and the defaults of those the sheet may leave empty. */
const MEMBER_COLUMNS = [
  'householdId', 'projectId', 'buildingId', 'unitId', 'regionCode', 'ownerId', 'relation', 'joinedOn', 'title', 'name', 'pinyin', 'sex',
  'birthDate', 'idType', 'idNumber', 'nationality', 'nativeRegion', 'education', 'homeAddress', 'district', 'homePhone', 'mobile', 'fax',
  'email', 'employer', 'employerAddress', 'employerPhone', 'employerFax', 'businessType', 'position', 'employmentStatus', 'maritalStatus',
  'weddingAnniversary', 'spouseName', 'spouseBirthDate', 'spouseNationality', 'mailingAddress', 'hobbyOther', 'joinReasons',
  'propertyBought', 'carModel', 'carPlate', 'signedOn', 'extra',
] as const;
const DEFAULTS: Partial<Record<(typeof MEMBER_COLUMNS)[number], string>> = {
  idType: `'ID_CARD'`,
  nationality: `'中国'`,
  employmentStatus: `'EMPLOYED'`,
  maritalStatus: `'SINGLE'`,
  mailingAddress: `'HOME'`,
  extra: `'{}'::jsonb`,
};
const INSERT_MEMBERS = `
  INSERT INTO members (${MEMBER_COLUMNS.map((c) => `"${c}"`).join(', ')}, "createdAt", "updatedAt")
  SELECT ${MEMBER_COLUMNS.map((c) => (DEFAULTS[c] ? `COALESCE(r."${c}", ${DEFAULTS[c]})` : `r."${c}"`)).join(', ')}, now(), now()
  FROM jsonb_populate_recordset(NULL::members, $1::jsonb) AS r
  ON CONFLICT ("householdId", "idNumber") DO NOTHING
  RETURNING id, "householdId", "idNumber"`;

/**
 * One INSERT per batch, the rows as one JSON parameter: a thousand members with forty columns
 * each are far more than Prisma's createMany handles quickly. The (household, ID number) unique
 * key decides what is a duplicate, also against a member added by someone else meanwhile.
 */
function insertMembers(tx: Prisma.TransactionClient, rows: Prisma.MemberCreateManyInput[]) {
  return tx.$queryRawUnsafe<{ id: number; householdId: number; idNumber: string }[]>(INSERT_MEMBERS, dayJson(rows));
}

const INSERT_CHILDREN = `
  INSERT INTO family_members ("memberId", relation, name, "birthDate", sex)
  SELECT r."memberId", COALESCE(r.relation, 'CHILD'), r.name, r."birthDate", r.sex
  FROM jsonb_populate_recordset(NULL::family_members, $1::jsonb) AS r`;

/** JSON with dates (UTC midnights) as YYYY-MM-DD, for date columns. */
function dayJson(rows: unknown[]): string {
  return JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'string' && v.length === 24 && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(v) ? v.slice(0, 10) : v));
}

function placeKey(r: Location): string {
  return `${r.project}\u0001${r.building}\u0001${r.unit}`;
}
