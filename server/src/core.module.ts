import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AuditService } from './audit/audit.service.js';
import { AuthService } from './auth/auth.service.js';
import { CalendarService } from './calendar/calendar.service.js';
import type { AppConfig } from './config/app-config.js';
import { CONFIG } from './config/config.token.js';
import { ChangeFeed } from './database/change-feed.js';
import { PRISMA, type Db } from './database/prisma.service.js';
import { ListTotals } from './crud/list-totals.js';
import { PlaceLabels } from './reference/place-labels.js';
import { MaskingPolicy } from './privacy/masking-policy.js';
import { SettingsService } from './settings/settings.service.js';

/** What every feature module may inject: config, the database, the audit log, auth, the calendar, the masking policy, the club settings, and the change-aware caches (list totals, place names). */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, db: Db): DynamicModule {
    const providers = [{ provide: CONFIG, useValue: config }, { provide: PRISMA, useValue: db }, AuditService, AuthService, CalendarService, MaskingPolicy, SettingsService, ChangeFeed, ListTotals, PlaceLabels];
    return { module: CoreModule, providers, exports: providers };
  }
}
