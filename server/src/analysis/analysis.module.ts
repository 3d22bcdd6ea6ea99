import { Module } from '@nestjs/common';
import { MemberQuartersController } from './member-quarters.controller.js';
import { MemberQuartersService } from './member-quarters.service.js';

/** R-1 and the analysis's own tables (the Cube proxy is in analytics/). */
@Module({
  controllers: [MemberQuartersController],
  providers: [MemberQuartersService],
  exports: [MemberQuartersService],
})
export class AnalysisModule {}
