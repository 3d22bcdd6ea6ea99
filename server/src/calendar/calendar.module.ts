import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller.js';
import { CalendarDaysService } from './calendar-days.service.js';

/** The working-day calendar the club manager keeps (CalendarService itself is core: every deadline uses it). */
@Module({
  controllers: [CalendarController],
  providers: [CalendarDaysService],
})
export class CalendarModule {}
