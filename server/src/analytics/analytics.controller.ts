import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignJWT } from 'jose';
import { AppError } from '../common/app-error.js';
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
  private readonly seconds: number;

  constructor(@Inject(CONFIG) config: AppConfig) {
    this.key = new TextEncoder().encode(config.cubeApiSecret);
    this.seconds = config.cubeTokenSeconds ?? 300;
  }

  @Get('token')
  @RequirePermission('dashboard:view')
  @ApiOperation({
    summary: "A short-lived (5-minute) Cube token carrying the caller's role, region and session; Cube restricts every query to that region",
    description: 'The Cube proxy (/cubejs-api) checks before forwarding that the session is still open and the account active; renew by `exp`.',
  })
  async token(@Ctx() ctx: RequestContext) {
    if (!ctx.session) throw new AppError(401, 'errors.unauthenticated');
    const token = await new SignJWT({
      role: ctx.user.role,
      region: ctx.user.regionCode ?? ALL_REGIONS,
      userId: ctx.user.id,
      sid: ctx.session.id,
      sv: ctx.session.version,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime(`${this.seconds}s`)
      .sign(this.key);
    return { token, apiUrl: '/cubejs-api/v1', expiresInSeconds: this.seconds };
  }
}
