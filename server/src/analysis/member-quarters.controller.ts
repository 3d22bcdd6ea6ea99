import { Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { sendXlsxHeaders } from '../privacy/xlsx.js';
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

  @Get(':quarter/export.xlsx')
  @RequirePermission('analysis:member-quarters')
  @ApiParam({ name: 'quarter', example: '2026-Q3' })
  @ApiOperation({ summary: "R-1 as Excel: the quarter's changes and every section against the previous quarter and a year earlier, for the caller's region (audited)" })
  async export(@Param('quarter') quarter: string, @Ctx() ctx: RequestContext, @Res() res: Response) {
    const { workbook, fileName } = await this.quarters.exportWorkbook(quarter, ctx);
    sendXlsxHeaders(res, `member-quarters-${quarter}.xlsx`, fileName);
    await workbook.xlsx.write(res);
    res.end();
  }

  @Post(':quarter/rebuild')
  @RequirePermission('analysis:rebuild')
  @ApiParam({ name: 'quarter', example: '2026-Q3' })
  @ApiOperation({ summary: 'Rebuild an ended quarter from the member history (replaces its frozen rows; audited)' })
  rebuild(@Param('quarter') quarter: string, @Ctx() ctx: RequestContext) {
    return this.quarters.rebuild(quarter, ctx);
  }
}
