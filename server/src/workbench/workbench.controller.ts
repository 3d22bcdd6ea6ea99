import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../auth/current-user.js';
import { WorkbenchService } from './workbench.service.js';

@ApiTags('workbench')
@ApiBearerAuth()
@Controller('workbench')
export class WorkbenchController {
  constructor(@Inject(WorkbenchService) private readonly workbench: WorkbenchService) {}

  @Get()
  @ApiOperation({ summary: "The caller's workbench: items waiting for their decision or past a deadline across every feature (overdue first), per-source counts, and their role's figures against the previous period" })
  get(@Ctx() ctx: RequestContext) {
    return this.workbench.forCaller(ctx);
  }

  @Get('counts')
  @ApiOperation({ summary: "How many items wait on the caller, and how many are overdue (the header's bell)" })
  async counts(@Ctx() ctx: RequestContext) {
    const w = await this.workbench.forCaller(ctx, false);
    return { ...w.counts, sources: w.sources };
  }
}
