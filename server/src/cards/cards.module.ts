import { Module } from '@nestjs/common';
import { CardLimitExceptionsController } from './card-limit-exceptions.controller.js';
import { CardLimitExceptionsService } from './card-limit-exceptions.service.js';
import { CardRangesController } from './card-ranges.controller.js';
import { CardRangesService } from './card-ranges.service.js';
import { CardsController, MemberCardsController } from './cards.controller.js';
import { CardsService } from './cards.service.js';
import { CardLimitExceptionsWorkbench, FeeStatementsWorkbench, ReissueRequestsWorkbench } from './cards.workbench.js';
import { FeeEntriesController } from './fee-entries.controller.js';
import { FeeStatementsController } from './fee-statements.controller.js';
import { FeeStatementsService } from './fee-statements.service.js';
import { FeesService } from './fees.service.js';
import { ReissueRequestsController } from './reissue-requests.controller.js';
import { ReissueRequestsService } from './reissue-requests.service.js';

/**
 * M-3, M-7, M-8, M-9, M-10: one service (and controller) per sub-resource — number ranges, cards,
 * reissue requests, card-limit exceptions, the fee ledger and the quarter statements.
 */
@Module({
  controllers: [CardRangesController, CardsController, MemberCardsController, ReissueRequestsController, CardLimitExceptionsController, FeeEntriesController, FeeStatementsController],
  providers: [CardsService, CardRangesService, ReissueRequestsService, CardLimitExceptionsService, FeesService, FeeStatementsService, CardLimitExceptionsWorkbench, ReissueRequestsWorkbench, FeeStatementsWorkbench],
  exports: [CardsService, FeesService],
})
export class CardsModule {}
