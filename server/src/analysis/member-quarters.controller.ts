import { Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { MemberQuartersService } from './member-quarters.service.js';

@ApiTags('analysis')
@ApiBearerAuth()
@Controller('analysis/member-quarters')
export class MemberQuartersController {
  constructor(@Inject(MemberQuartersService) private readonly quarters: MemberQuartersService) {}

  @Get()
  @RequirePermission('analysis:member-quarters')
  @ApiOperation({ summary: 'The frozen quarter ends of the member analysis: when each was built, by the schedule or a rebuild, and its row count' })
  list() {
    return this.quarters.runs();
  }

  @Post(':quarter/rebuild')
  @RequirePermission('analysis:rebuild')
  @ApiParam({ name: 'quarter', example: '2026-Q3' })
  @ApiOperation({ summary: 'Rebuild an ended quarter from the member history (replaces its frozen rows; audited)' })
  rebuild(@Param('quarter') quarter: string, @Ctx() ctx: RequestContext) {
    return this.quarters.rebuild(quarter, ctx);
  }
}
