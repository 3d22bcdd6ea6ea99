import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AuditLogController } from './audit-log.controller.js';
import { DataUseController } from './data-use.controller.js';
import { DataUseService } from './data-use.service.js';
import { MemberExportController, forwardExportPaths } from './export.controller.js';
import { ImportController } from './import/import.controller.js';
import { ImportService } from './import/import.service.js';
import { MembersModule } from '../members/members.module.js';

/** M-11, M-12: data-use requests and grants, audit search, member import and exports. */
@Module({
  imports: [MembersModule],
  controllers: [DataUseController, AuditLogController, MemberExportController, ImportController],
  providers: [DataUseService, ImportService],
  exports: [DataUseService, ImportService],
})
export class PrivacyModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // /api/members/export.xlsx and /api/members/basic-info.xlsx → MemberExportController (see there).
    consumer
      .apply(forwardExportPaths)
      .forRoutes({ path: 'members/export.xlsx', method: RequestMethod.GET }, { path: 'members/basic-info.xlsx', method: RequestMethod.GET });
  }
}
