import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AnalyticsController } from './analytics/analytics.controller.js';
import { AuditService } from './audit/audit.service.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthService } from './auth/auth.service.js';
import { AllErrorsFilter } from './common/error-filter.js';
import type { AppConfig } from './config/app-config.js';
import { CONFIG } from './config/config.token.js';
import { PRISMA, type Db } from './database/prisma.service.js';
import { HealthController } from './health/health.controller.js';
import { MembersController } from './members/members.controller.js';
import { MembersService } from './members/members.service.js';
import { ReferenceController } from './reference/reference.controller.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, db: Db): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController, AuthController, MembersController, AnalyticsController, ReferenceController],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: PRISMA, useValue: db },
        AuditService,
        AuthService,
        MembersService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: AllErrorsFilter },
      ],
    };
  }
}
