import { Module } from '@nestjs/common';
import { ImportController } from './import/import.controller.js';
import { ImportService } from './import/import.service.js';
import { MemberExportController } from './member-export.controller.js';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';
import { MembersWorkbench } from './members.workbench.js';

/**
 * Members (M-2, M-11), their import from appendix-1 sheets (M-4) and their exports (M-11, M-12).
 * The export controller comes first: its fixed paths (/members/export.xlsx) must be routed before
 * MembersController's /members/:id.
 */
@Module({
  controllers: [MemberExportController, ImportController, MembersController],
  providers: [MembersService, ImportService, MembersWorkbench],
  exports: [MembersService, ImportService],
})
export class MembersModule {}
