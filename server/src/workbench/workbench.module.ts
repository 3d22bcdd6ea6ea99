import { Module } from '@nestjs/common';
import { WorkbenchController } from './workbench.controller.js';
import { WorkbenchService } from './workbench.service.js';

/** The workbench (工作台): reads what the features registered with WorkbenchRegistry (core). */
@Module({
  controllers: [WorkbenchController],
  providers: [WorkbenchService],
})
export class WorkbenchModule {}
