import { Inject, Injectable } from '@nestjs/common';
import * as z from 'zod';
import { AppError } from '../common/app-error.js';
import { isoDate, text } from '../common/validation.js';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/current-user.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { parseListQuery, type ListSpec } from '../crud/list-query.js';
import type { Prisma } from '../generated/prisma/client.js';
import { CalendarService } from './calendar.service.js';
import { isWeekendDay, isoDay } from './working-days.js';

export const calendarDayListSpec: ListSpec = {
  fields: {
    date: { kind: 'date', sortable: true },
    kind: { kind: 'enum', values: ['HOLIDAY', 'WORKDAY'] },
    name: { kind: 'string', sortable: true },
  },
  search: (q) => ({ name: { contains: q, mode: 'insensitive' } }),
  defaultSort: [{ date: 'asc' }],
  defaultPageSize: 100,
  maxPageSize: 1000,
};

export const CalendarDayInput = z.strictObject({
  kind: z.enum(['HOLIDAY', 'WORKDAY']),
  name: text(50).min(1),
});
export type CalendarDayInput = z.output<typeof CalendarDayInput>;

export const WorkingDaysQuery = z
  .strictObject({
    from: isoDate,
    add: z
      .string()
      .regex(/^\d{1,3}$/)
      .transform(Number)
      .pipe(z.number().int().min(0).max(366))
      .optional(),
    to: isoDate.optional(),
  })
  .refine((q) => (q.add === undefined) !== (q.to === undefined), { params: { key: 'records.addOrTo' }, path: ['add'] });

/** Seeded days the State Council has not published yet carry this mark in their name. */
const ESTIMATE_MARK = '预估';

type Row = Prisma.CalendarDayGetPayload<object>;

export function toCalendarDay(r: Row) {
  const date = isoDay(r.date);
  return {
    id: date,
    date,
    kind: r.kind,
    name: r.name,
    /** 0 = Sunday … 6 = Saturday. */
    weekday: r.date.getUTCDay(),
    estimate: r.name.includes(ESTIMATE_MARK),
    updatedById: r.updatedById,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The calendar the club manager edits: weekday holidays and worked weekends (调休上班). */
@Injectable()
export class CalendarDaysService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(CalendarService) private readonly calendar: CalendarService,
  ) {}

  async list(query: Record<string, unknown>) {
    const q = parseListQuery(calendarDayListSpec, query);
    const where = q.where as Prisma.CalendarDayWhereInput;
    const [total, rows] = await Promise.all([
      this.db.calendarDay.count({ where }),
      this.db.calendarDay.findMany({ where, orderBy: q.orderBy as Prisma.CalendarDayOrderByWithRelationInput[], skip: q.skip, take: q.take }),
    ]);
    return { total, data: rows.map(toCalendarDay) };
  }

  async get(date: Date) {
    const row = await this.db.calendarDay.findUnique({ where: { date } });
    if (!row) throw AppError.notFound();
    return toCalendarDay(row);
  }

  /** Adds or changes an exception. An exception that changes nothing is refused. */
  async put(date: Date, input: CalendarDayInput, ctx: RequestContext) {
    const weekend = isWeekendDay(date);
    if (input.kind === 'HOLIDAY' && weekend) throw AppError.field('kind', 'records.holidayOnWeekend');
    if (input.kind === 'WORKDAY' && !weekend) throw AppError.field('kind', 'records.workdayOnWeekday');
    const row = await this.db.$transaction(async (tx) => {
      const before = await tx.calendarDay.findUnique({ where: { date } });
      const saved = await tx.calendarDay.upsert({
        where: { date },
        create: { date, kind: input.kind, name: input.name, updatedById: ctx.user.id },
        update: { kind: input.kind, name: input.name, updatedById: ctx.user.id },
      });
      await this.audit.record(
        ctx,
        before ? 'UPDATE' : 'CREATE',
        'calendar-days',
        isoDay(date),
        { before: before ? { kind: before.kind, name: before.name } : null, after: { kind: saved.kind, name: saved.name } },
        tx,
      );
      return saved;
    });
    // Every deadline computed from now on uses the edit.
    this.calendar.invalidate();
    return toCalendarDay(row);
  }

  async remove(date: Date, ctx: RequestContext) {
    await this.db.$transaction(async (tx) => {
      const before = await tx.calendarDay.findUnique({ where: { date } });
      if (!before) throw AppError.notFound();
      await tx.calendarDay.delete({ where: { date } });
      await this.audit.record(ctx, 'DELETE', 'calendar-days', isoDay(date), { before: { kind: before.kind, name: before.name } }, tx);
    });
    this.calendar.invalidate();
    return { id: isoDay(date) };
  }

  async workingDays(q: z.output<typeof WorkingDaysQuery>) {
    if (q.add !== undefined) {
      const date = await this.calendar.addWorkingDays(q.from, q.add);
      return { from: isoDay(q.from), add: q.add, date: isoDay(date) };
    }
    return { from: isoDay(q.from), to: isoDay(q.to!), workingDays: await this.calendar.workingDaysBetween(q.from, q.to!) };
  }
}
