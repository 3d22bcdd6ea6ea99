import { Controller, Delete, Get, Inject, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import * as z from 'zod';
import { AppError } from '../common/app-error.js';
import { isoDate } from '../common/validation.js';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { ListRoute, ZodBody, ZodQuery } from '../crud/crud-http.js';
import { CalendarDayInput, CalendarDaysService, WorkingDaysQuery, calendarDayListSpec } from './calendar-days.service.js';

function pathDate(raw: string): Date {
  const r = isoDate.safeParse(raw);
  if (!r.success) throw AppError.notFound();
  return r.data;
}

@ApiTags('calendar')
@ApiBearerAuth()
@Controller()
export class CalendarController {
  constructor(@Inject(CalendarDaysService) private readonly days: CalendarDaysService) {}

  @Get('calendar-days')
  @RequirePermission('calendar:view')
  @ApiOperation({ summary: 'Calendar exceptions: weekday holidays and worked weekends (simple-rest; date_gte/date_lte, kind)' })
  @ListRoute(calendarDayListSpec)
  async list(@Query() query: Record<string, unknown>) {
    return this.days.list(query);
  }

  @Get('calendar-days/:date')
  @RequirePermission('calendar:view')
  @ApiOperation({ summary: 'One calendar exception' })
  get(@Param('date') date: string) {
    return this.days.get(pathDate(date));
  }

  @Put('calendar-days/:date')
  @RequirePermission('calendar:edit')
  @ApiOperation({ summary: 'Add or change a holiday (weekday) or adjusted working day (weekend)' })
  put(@Param('date') date: string, @ZodBody(CalendarDayInput) body: z.output<typeof CalendarDayInput>, @Ctx() ctx: RequestContext) {
    const day = isoDate.safeParse(date);
    if (!day.success) throw AppError.field('date', 'errors.date');
    return this.days.put(day.data, body, ctx);
  }

  @Delete('calendar-days/:date')
  @RequirePermission('calendar:edit')
  @ApiOperation({ summary: 'Remove a calendar exception (the day becomes an ordinary weekday or weekend)' })
  remove(@Param('date') date: string, @Ctx() ctx: RequestContext) {
    return this.days.remove(pathDate(date), ctx);
  }

  @Get('calendar/working-days')
  @RequirePermission('calendar:view')
  @ApiOperation({ summary: '?from=&add=N → { date } (N working days after from); ?from=&to= → { workingDays }' })
  workingDays(@ZodQuery(WorkingDaysQuery) query: z.output<typeof WorkingDaysQuery>) {
    return this.days.workingDays(query);
  }
}
