import { Module } from '@nestjs/common';

/** M-4, M-5, M-6: applications from receipt to card issue, pickup batches, deadlines. */
@Module({})
export class ApplicationsModule {}
