import * as z from 'zod';
import { Controller, Get, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { IdParam, ListRoute, ZodBody } from '../crud/crud-http.js';
import { StatementCreateInput, StatementSignInput } from './cards.schema.js';
import { FeeStatementsService, statementListSpec } from './fee-statements.service.js';

@ApiTags('fees')
@ApiBearerAuth()
@Controller('fee-statements')
export class FeeStatementsController {
  constructor(@Inject(FeeStatementsService) private readonly statements: FeeStatementsService) {}

  @Get()
  @RequirePermission('fees:list')
  @ListRoute(statementListSpec)
  @ApiOperation({ summary: 'M-8: quarter statements; a regional club sees its own region\'s, the group every one (regionCode null: the group\'s)' })
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.statements.listStatements(query, ctx);
  }

  @Get(':id/export.xlsx')
  @RequirePermission('fees:list')
  @ApiOperation({ summary: 'The statement as an Excel workbook (audit-logged as EXPORT)' })
  async export(@IdParam() id: number, @Ctx() ctx: RequestContext, @Res() res: Response) {
    const { fileName, buffer } = await this.statements.exportStatement(id, ctx);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.send(buffer);
  }

  @Get(':id')
  @RequirePermission('fees:list')
  get(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.statements.getStatement(id, ctx);
  }

  @Post()
  @RequirePermission('fees:record')
  @ApiOperation({ summary: 'M-8: prepare the quarter-end statement from the ledger (only after the quarter ends): of the caller\'s region, or the group\'s for a group user' })
  create(@ZodBody(StatementCreateInput) body: z.output<typeof StatementCreateInput>, @Ctx() ctx: RequestContext) {
    const input = body;
    return this.statements.createStatement(input.year, input.quarter, ctx);
  }

  @Post(':id/sign')
  @RequirePermission('fees:sign')
  @ApiOperation({ summary: 'M-8: the club manager signs the statement, explaining differences with finance' })
  sign(@IdParam() id: number, @ZodBody(StatementSignInput) body: z.output<typeof StatementSignInput>, @Ctx() ctx: RequestContext) {
    return this.statements.signStatement(id, body.differencesNote, ctx);
  }
}
