import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis/analysis.module.js';
import { ApprovalsModule } from '../approvals/approvals.module.js';
import { ActivityPlansController, ImplementationPlansController } from './activities.controller.js';
import { ImplementationPlansWorkbench } from './activities.workbench.js';
import { ActivityPlansService } from './activity-plans.service.js';
import { ImplementationPlansService } from './implementation-plans.service.js';

/** A-1 to A-4: annual plans, their adjustments, implementation plans; approvals through the engine; A-2's submission deadlines on the workbench. */
@Module({
  imports: [ApprovalsModule, AnalysisModule],
  controllers: [ActivityPlansController, ImplementationPlansController],
  providers: [ActivityPlansService, ImplementationPlansService, ImplementationPlansWorkbench],
})
export class ActivitiesModule {}
