import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService } from './auth.service.js';
import { IdParam } from '../crud/crud-http.js';
import { Ctx, RequirePermission, type RequestContext } from './current-user.js';

@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Post(':id/unlock')
  @HttpCode(200)
  @RequirePermission('staff:unlock')
  @ApiOperation({ summary: "Lift a staff account's sign-in lock (club manager; audited). See docs/operations.md" })
  unlock(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.auth.unlock(id, ctx);
  }
}
