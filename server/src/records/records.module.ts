import { Module } from '@nestjs/common';
import { MembersModule } from '../members/members.module.js';
import { ChangeRequestsService } from './change-requests.service.js';
import { ChangeRequestsWorkbench } from './change-requests.workbench.js';
import { MemberHistoryService } from './member-history.service.js';
import { ChangeRequestsController, MemberHistoryController } from './records.controller.js';

/** M-6, M-11: change requests and field-level member history. */
@Module({
  imports: [MembersModule],
  controllers: [ChangeRequestsController, MemberHistoryController],
  providers: [ChangeRequestsService, MemberHistoryService, ChangeRequestsWorkbench],
  exports: [ChangeRequestsService, MemberHistoryService],
})
export class RecordsModule {}
