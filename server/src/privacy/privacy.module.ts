import { Module } from '@nestjs/common';

/** M-11, M-12: data-use requests and grants, audit search, member import and exports. */
@Module({})
export class PrivacyModule {}
