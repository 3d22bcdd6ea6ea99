import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignJWT } from 'jose';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { CONFIG } from '../config/config.token.js';
import type { AppConfig } from '../config/app-config.js';

/** Region value in a Cube token for the group club, which sees every region. */
export const ALL_REGIONS = 'ALL';

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics')
export class AnalyticsController {
  private readonly key: Uint8Array;

  constructor(@Inject(CONFIG) config: AppConfig) {
    this.key = new TextEncoder().encode(config.cubeApiSecret);
  }

  @Get('token')
  @RequirePermission('dashboard:view')
  @ApiOperation({ summary: "A one-hour Cube token carrying the caller's role and region; Cube restricts every query to that region" })
  async token(@Ctx() ctx: RequestContext) {
    const token = await new SignJWT({ role: ctx.user.role, region: ctx.user.regionCode ?? ALL_REGIONS, userId: ctx.user.id })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(this.key);
    return { token, apiUrl: '/cubejs-api/v1', expiresInSeconds: 3600 };
  }
}
