import { Module } from '@nestjs/common';
import {
  CardLimitExceptionsController,
  CardRangesController,
  CardsController,
  FeeEntriesController,
  FeeStatementsController,
  MemberCardsController,
  ReissueRequestsController,
} from './cards.controller.js';
import { CardsService } from './cards.service.js';
import { FeesService } from './fees.service.js';

/** M-3, M-7, M-8, M-9, M-10: card limit and exceptions, number ranges, cards, reissue, fees. */
@Module({
  controllers: [CardRangesController, CardsController, MemberCardsController, ReissueRequestsController, CardLimitExceptionsController, FeeEntriesController, FeeStatementsController],
  providers: [CardsService, FeesService],
  exports: [CardsService, FeesService],
})
export class CardsModule {}
