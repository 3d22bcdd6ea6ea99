import { Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import * as z from 'zod';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { IdParam, ListRoute, ZodBody } from '../crud/crud-http.js';
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
  @ListRoute(changeRequestListSpec)
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.requests.list(query, ctx);
  }

  @Get(':id')
  @RequirePermission('change-requests:manage')
  @ApiOperation({ summary: 'One change request' })
  get(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.requests.get(id, ctx);
  }

  @Post()
  @RequirePermission('change-requests:manage')
  @ApiOperation({ summary: 'Log a change request; due 1 working day after receipt (M-6)' })
  create(@ZodBody(ChangeRequestInput) body: z.output<typeof ChangeRequestInput>, @Ctx() ctx: RequestContext) {
    return this.requests.create(body, ctx);
  }

  @Post(':id/apply')
  @RequirePermission('change-requests:manage')
  @ApiOperation({ summary: 'Apply the requested changes to the member (history rows link to the request)' })
  apply(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.requests.apply(id, ctx);
  }

  @Post(':id/reject')
  @RequirePermission('change-requests:manage')
  @ApiOperation({ summary: 'Reject a change request with a reason' })
  reject(@IdParam() id: number, @ZodBody(RejectInput) body: z.output<typeof RejectInput>, @Ctx() ctx: RequestContext) {
    return this.requests.reject(id, body.reason, ctx);
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
  @ListRoute(memberHistoryListSpec)
  async list(@IdParam() id: number, @Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.history.list(id, query, ctx);
  }
}
