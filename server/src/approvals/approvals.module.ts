import { Module } from '@nestjs/common';
import { ApprovalsController } from './approvals.controller.js';
import { ApprovalsService } from './approvals.service.js';
import { ApprovalsWorkbench } from './approvals.workbench.js';

/** The one approval engine: features declare chains and submit subjects; decisions come here. */
@Module({
  controllers: [ApprovalsController],
  providers: [ApprovalsService, ApprovalsWorkbench],
  exports: [ApprovalsService],
})
export class ApprovalsModule {}
