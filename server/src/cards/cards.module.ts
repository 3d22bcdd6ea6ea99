import { Module } from '@nestjs/common';

/** M-3, M-7, M-8, M-9, M-10: card limit and exceptions, number ranges, cards, reissue, fees. */
@Module({})
export class CardsModule {}
