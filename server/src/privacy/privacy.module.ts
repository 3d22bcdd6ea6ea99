import { Module } from '@nestjs/common';
import { AuditLogController } from './audit-log.controller.js';
import { AuditLogService } from './audit-log.service.js';
import { DataUseController } from './data-use.controller.js';
import { DataUseService } from './data-use.service.js';
import { DataUseWorkbench } from './data-use.workbench.js';
import { MembersModule } from '../members/members.module.js';

/** M-11, M-12: data-use requests and grants, audit search. (Member import and exports live in MembersModule.) */
@Module({
  imports: [MembersModule],
  controllers: [DataUseController, AuditLogController],
  providers: [DataUseService, AuditLogService, DataUseWorkbench],
  exports: [DataUseService],
})
export class PrivacyModule {}
