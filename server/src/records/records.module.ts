import { Module } from '@nestjs/common';

/** M-6, M-11: the calendar admin, change requests and field-level member history. */
@Module({})
export class RecordsModule {}
