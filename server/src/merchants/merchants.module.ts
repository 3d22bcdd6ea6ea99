import { Module } from '@nestjs/common';
import { MerchantAgreementsController, MerchantsController, MerchantVisitsController } from './merchants.controller.js';
import { MerchantsService } from './merchants.service.js';
import { MerchantVisitsWorkbench } from './merchants.workbench.js';

/** B-1 to B-5: alliance merchants, their pipeline, agreements and visits. */
@Module({
  controllers: [MerchantsController, MerchantAgreementsController, MerchantVisitsController],
  providers: [MerchantsService, MerchantVisitsWorkbench],
  exports: [MerchantsService],
})
export class MerchantsModule {}
