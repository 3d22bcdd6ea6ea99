import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '../config/config.token.js';
import type { AppConfig } from '../config/app-config.js';
import { PRISMA, type Db } from '../database/prisma.service.js';

/** Whether the API's database and Cube answer. */
@Injectable()
export class HealthService {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async check() {
    const database = await this.db.$queryRaw`SELECT 1`.then(() => 'ok', () => 'down');
    const cube = await fetch(`${this.config.cubeUrl}/readyz`, { signal: AbortSignal.timeout(2000) }).then((r) => (r.ok ? 'ok' : 'down'), () => 'down');
    return { status: database === 'ok' ? 'ok' : 'degraded', database, cube, time: new Date().toISOString() };
  }
}
