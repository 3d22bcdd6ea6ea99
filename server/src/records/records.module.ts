import { Module } from '@nestjs/common';
import { CalendarController } from '../calendar/calendar.controller.js';
import { CalendarDaysService } from '../calendar/calendar-days.service.js';
import { MembersModule } from '../members/members.module.js';
import { ChangeRequestsService } from './change-requests.service.js';
import { MemberHistoryService } from './member-history.service.js';
import { ChangeRequestsController, MemberHistoryController } from './records.controller.js';

/** M-6, M-11: the calendar admin, change requests and field-level member history. */
@Module({
  imports: [MembersModule],
  controllers: [CalendarController, ChangeRequestsController, MemberHistoryController],
  providers: [CalendarDaysService, ChangeRequestsService, MemberHistoryService],
  exports: [ChangeRequestsService, MemberHistoryService],
})
export class RecordsModule {}
