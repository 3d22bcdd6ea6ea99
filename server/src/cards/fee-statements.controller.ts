import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { listQueryDocs, parseId, sendList } from '../crud/crud-http.js';
import { validate } from '../common/validation.js';
import { schemaDoc } from './cards.shared.js';
import { StatementCreateInput, StatementSignInput } from './cards.schema.js';
import { FeeStatementsService, statementListSpec } from './fee-statements.service.js';

@ApiTags('fees')
@ApiBearerAuth()
@Controller('fee-statements')
export class FeeStatementsController {
  constructor(@Inject(FeeStatementsService) private readonly statements: FeeStatementsService) {}

  @Get()
  @RequirePermission('fees:list')
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(statementListSpec) })
  @ApiOperation({ summary: 'M-8: quarter statements; a regional club sees its own region\'s, the group every one (regionCode null: the group\'s)' })
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.statements.listStatements(query, ctx));
  }

  @Get(':id/export.xlsx')
  @RequirePermission('fees:list')
  @ApiOperation({ summary: 'The statement as an Excel workbook (audit-logged as EXPORT)' })
  async export(@Param('id') id: string, @Ctx() ctx: RequestContext, @Res() res: Response) {
    const { fileName, buffer } = await this.statements.exportStatement(parseId(id), ctx);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.send(buffer);
  }

  @Get(':id')
  @RequirePermission('fees:list')
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.statements.getStatement(parseId(id), ctx);
  }

  @Post()
  @RequirePermission('fees:record')
  @ApiOperation({ summary: 'M-8: prepare the quarter-end statement from the ledger (only after the quarter ends): of the caller\'s region, or the group\'s for a group user' })
  @ApiBody(schemaDoc(StatementCreateInput))
  create(@Body() body: unknown, @Ctx() ctx: RequestContext) {
    const input = validate(StatementCreateInput, body);
    return this.statements.createStatement(input.year, input.quarter, ctx);
  }

  @Post(':id/sign')
  @RequirePermission('fees:sign')
  @ApiOperation({ summary: 'M-8: the club manager signs the statement, explaining differences with finance' })
  @ApiBody(schemaDoc(StatementSignInput))
  sign(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.statements.signStatement(parseId(id), validate(StatementSignInput, body ?? {}).differencesNote, ctx);
  }
}
