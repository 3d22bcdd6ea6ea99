import { Body, Controller, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import * as z from 'zod';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { listQueryDocs, parseId, sendList } from '../crud/crud-http.js';
import { validate } from '../common/validation.js';
import { ChangeRequestInput, RejectInput } from './change-request.schema.js';
import { ChangeRequestsService, changeRequestListSpec } from './change-requests.service.js';
import { MemberHistoryService, memberHistoryListSpec } from './member-history.service.js';

@ApiTags('change-requests')
@ApiBearerAuth()
@Controller('change-requests')
export class ChangeRequestsController {
  constructor(@Inject(ChangeRequestsService) private readonly requests: ChangeRequestsService) {}

  @Get()
  @RequirePermission('change-requests:manage')
  @ApiOperation({ summary: 'M-6 change requests (simple-rest; filters status, channel, memberId, overdue=true|false, q)' })
  @ApiQuery({ name: 'filters', required: false, description: `${listQueryDocs(changeRequestListSpec)} Also overdue=true|false.` })
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.requests.list(query, ctx));
  }

  @Get(':id')
  @RequirePermission('change-requests:manage')
  @ApiOperation({ summary: 'One change request' })
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.requests.get(parseId(id), ctx);
  }

  @Post()
  @RequirePermission('change-requests:manage')
  @ApiOperation({ summary: 'Log a change request; due 1 working day after receipt (M-6)' })
  @ApiBody({ schema: z.toJSONSchema(ChangeRequestInput, { io: 'input', unrepresentable: 'any' }) as object })
  create(@Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.requests.create(validate(ChangeRequestInput, body, ctx.lang), ctx);
  }

  @Post(':id/apply')
  @RequirePermission('change-requests:manage')
  @ApiOperation({ summary: 'Apply the requested changes to the member (history rows link to the request)' })
  apply(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.requests.apply(parseId(id), ctx);
  }

  @Post(':id/reject')
  @RequirePermission('change-requests:manage')
  @ApiOperation({ summary: 'Reject a change request with a reason' })
  @ApiBody({ schema: z.toJSONSchema(RejectInput, { io: 'input' }) as object })
  reject(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.requests.reject(parseId(id), validate(RejectInput, body, ctx.lang).reason, ctx);
  }
}

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class MemberHistoryController {
  constructor(@Inject(MemberHistoryService) private readonly history: MemberHistoryService) {}

  @Get(':id/history')
  @RequirePermission('members:history')
  @ApiOperation({ summary: 'Field-level history of a member (simple-rest paging; personal values masked per M-11)' })
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(memberHistoryListSpec) })
  async list(@Param('id') id: string, @Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.history.list(parseId(id), query, ctx));
  }
}
