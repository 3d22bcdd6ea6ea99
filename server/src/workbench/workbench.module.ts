import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { WorkbenchController } from './workbench.controller.js';
import { WorkbenchRegistry } from './workbench.registry.js';
import { WorkbenchService } from './workbench.service.js';

/** The workbench (工作台): gathers the sources the features mark with `@WorkbenchSourceProvider()`. */
@Module({
  imports: [DiscoveryModule],
  controllers: [WorkbenchController],
  providers: [WorkbenchService, WorkbenchRegistry],
})
export class WorkbenchModule {}
