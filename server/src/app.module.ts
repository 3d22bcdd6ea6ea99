import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AnalyticsController } from './analytics/analytics.controller.js';
import { AnalysisModule } from './analysis/analysis.module.js';
import { ActivitiesModule } from './activities/activities.module.js';
import { ApplicationsModule } from './applications/applications.module.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { StaffController } from './auth/staff.controller.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { CardsModule } from './cards/cards.module.js';
import { AllErrorsFilter } from './common/error-filter.js';
import { NoticesInterceptor } from './common/notices.js';
import type { AppConfig } from './config/app-config.js';
import { CoreModule } from './core.module.js';
import type { Db } from './database/prisma.service.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { MembersModule } from './members/members.module.js';
import { MerchantsModule } from './merchants/merchants.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { RecordsModule } from './records/records.module.js';
import { ReferenceController } from './reference/reference.controller.js';
import { ReferenceService } from './reference/reference.service.js';
import { SettingsModule } from './settings/settings.module.js';
import { WorkbenchModule } from './workbench/workbench.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, db: Db): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(config, db), CalendarModule, MembersModule, ApplicationsModule, CardsModule, RecordsModule, PrivacyModule, SettingsModule, WorkbenchModule, AnalysisModule, ActivitiesModule, MerchantsModule],
      // The reference controller's routes are generic, so it comes last.
      controllers: [HealthController, AuthController, StaffController, AnalyticsController, ReferenceController],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_FILTER, useClass: AllErrorsFilter }, { provide: APP_INTERCEPTOR, useClass: NoticesInterceptor }, ReferenceService, HealthService],
    };
  }
}
