import { Module } from '@nestjs/common';
import { CardsModule } from '../cards/cards.module.js';
import { MembersModule } from '../members/members.module.js';
import { StorageModule } from '../storage/storage.module.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';
import { ApplicationsWorkbench } from './applications.workbench.js';
import { PickupBatchesController } from './pickup-batches.controller.js';
import { PickupBatchesService } from './pickup-batches.service.js';

/** M-4, M-5, M-6: applications from receipt to card issue, pickup batches, deadlines. */
@Module({
  imports: [MembersModule, CardsModule, StorageModule],
  controllers: [ApplicationsController, PickupBatchesController],
  providers: [ApplicationsService, PickupBatchesService, ApplicationsWorkbench],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
