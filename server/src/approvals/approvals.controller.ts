import { Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import * as z from 'zod';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { IdParam, ListRoute, ZodBody } from '../crud/crud-http.js';
import { ApproveInput, RejectInput } from './approval.schema.js';
import { ApprovalsService, pendingListSpec } from './approvals.service.js';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approvals')
export class ApprovalsController {
  constructor(@Inject(ApprovalsService) private readonly approvals: ApprovalsService) {}

  @Get()
  @RequirePermission('approvals:view')
  @ApiOperation({ summary: 'The approval steps waiting on the caller (the admin list of "my approvals"; the same as /approvals/pending)' })
  @ListRoute(pendingListSpec)
  list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.approvals.pending(query, ctx);
  }

  @Get('pending')
  @RequirePermission('approvals:view')
  @ApiOperation({ summary: 'The approval steps waiting on the caller (role and region scope; never their own submissions)' })
  @ListRoute(pendingListSpec)
  pending(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.approvals.pending(query, ctx);
  }

  @Get('subjects/:subjectType/:id')
  @RequirePermission('approvals:view')
  @ApiOperation({ summary: 'Every approval round of one subject, with each decision (who, when, decision, reason)' })
  history(@Param('subjectType') subjectType: string, @IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.approvals.history(subjectType, id, ctx);
  }

  @Get(':id')
  @RequirePermission('approvals:view')
  @ApiOperation({ summary: 'One approval round' })
  get(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.approvals.get(id, ctx);
  }

  @Post(':id/approve')
  @RequirePermission('approvals:decide')
  @ApiOperation({ summary: 'Approve the pending step of a round (optional remark)' })
  approve(@IdParam() id: number, @ZodBody(ApproveInput) body: z.output<typeof ApproveInput>, @Ctx() ctx: RequestContext) {
    return this.approvals.approve(id, body.reason ?? null, ctx);
  }

  @Post(':id/reject')
  @RequirePermission('approvals:decide')
  @ApiOperation({ summary: 'Reject the pending step with a reason; the subject returns to its author with a revision deadline' })
  reject(@IdParam() id: number, @ZodBody(RejectInput) body: z.output<typeof RejectInput>, @Ctx() ctx: RequestContext) {
    return this.approvals.reject(id, body.reason, ctx);
  }
}
