import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AuditService } from './audit/audit.service.js';
import { AuthService } from './auth/auth.service.js';
import { CalendarService } from './calendar/calendar.service.js';
import type { AppConfig } from './config/app-config.js';
import { CONFIG } from './config/config.token.js';
import { PRISMA, type Db } from './database/prisma.service.js';
import { MaskingPolicy } from './privacy/masking-policy.js';
import { SettingsService } from './settings/settings.service.js';

/** What every feature module may inject: config, the database, the audit log, auth, the calendar, the masking policy, the club settings. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, db: Db): DynamicModule {
    const providers = [{ provide: CONFIG, useValue: config }, { provide: PRISMA, useValue: db }, AuditService, AuthService, CalendarService, MaskingPolicy, SettingsService];
    return { module: CoreModule, providers, exports: providers };
  }
}
