import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/current-user.js';
import { CONFIG } from '../config/config.token.js';
import type { AppConfig } from '../config/app-config.js';
import { PRISMA, type Db } from '../database/prisma.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness of the API, its database and Cube' })
  async health() {
    const database = await this.db.$queryRaw`SELECT 1`.then(() => 'ok', () => 'down');
    const cube = await fetch(`${this.config.cubeUrl}/readyz`, { signal: AbortSignal.timeout(2000) }).then((r) => (r.ok ? 'ok' : 'down'), () => 'down');
    return { status: database === 'ok' ? 'ok' : 'degraded', database, cube, time: new Date().toISOString() };
  }
}
