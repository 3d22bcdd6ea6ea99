import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { listQueryDocs, parseId, sendList } from '../crud/crud-http.js';
import { validate } from '../common/validation.js';
import { schemaDoc } from './cards.shared.js';
import { DecisionInput, ExceptionCreateInput } from './cards.schema.js';
import { CardLimitExceptionsService, exceptionListSpec } from './card-limit-exceptions.service.js';

@ApiTags('cards')
@ApiBearerAuth()
@Controller('card-limit-exceptions')
export class CardLimitExceptionsController {
  constructor(@Inject(CardLimitExceptionsService) private readonly exceptions: CardLimitExceptionsService) {}

  @Get()
  @RequirePermission('cards:list')
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(exceptionListSpec) })
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.exceptions.listExceptions(query, ctx));
  }

  @Get(':id')
  @RequirePermission('cards:list')
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.exceptions.getException(parseId(id), ctx);
  }

  @Post()
  @RequirePermission('card-exceptions:request')
  @ApiOperation({ summary: 'M-3: the member officer requests a card beyond the household limit' })
  @ApiBody(schemaDoc(ExceptionCreateInput))
  create(@Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.exceptions.requestException(validate(ExceptionCreateInput, body), ctx);
  }

  @Post(':id/approve')
  @ApiOperation({ summary: 'M-3: approve as club manager (card-exceptions:approve-manager) or division leader (card-exceptions:approve-leader); both raise the limit' })
  @ApiBody(schemaDoc(DecisionInput))
  approve(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.exceptions.decideException(parseId(id), true, validate(DecisionInput, body ?? {}).note, ctx);
  }

  @Post(':id/reject')
  @ApiOperation({ summary: 'M-3: a rejection by either approver ends the exception' })
  @ApiBody(schemaDoc(DecisionInput))
  reject(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.exceptions.decideException(parseId(id), false, validate(DecisionInput, body ?? {}).note, ctx);
  }
}
