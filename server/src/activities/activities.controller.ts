import { Controller, Get, Inject, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import * as z from 'zod';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { IdParam, ListRoute, ZodBody } from '../crud/crud-http.js';
import { ActualCostInput, AdjustmentInput, ImplementationPlanInput, ImplementationPlanUpdateInput, PlanInput, PlanUpdateInput } from './activity.schema.js';
import { ActivityPlansService, activityPlanListSpec } from './activity-plans.service.js';
import { ImplementationPlansService, implementationPlanListSpec } from './implementation-plans.service.js';

@ApiTags('activity-plans')
@ApiBearerAuth()
@Controller('activity-plans')
export class ActivityPlansController {
  constructor(@Inject(ActivityPlansService) private readonly plans: ActivityPlansService) {}

  @Get()
  @RequirePermission('activity-plans:list')
  @ApiOperation({ summary: 'Annual activity plans (A-1), of the regions and of the group' })
  @ListRoute(activityPlanListSpec)
  list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.plans.list(query, ctx);
  }

  @Get(':id')
  @RequirePermission('activity-plans:list')
  @ApiOperation({ summary: 'One annual plan with its activities, versions and approvals' })
  get(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.plans.get(id, ctx);
  }

  @Post()
  @RequirePermission('activity-plans:manage')
  @ApiOperation({ summary: 'Draft an annual plan' })
  create(@ZodBody(PlanInput) body: z.output<typeof PlanInput>, @Ctx() ctx: RequestContext) {
    return this.plans.create(body, ctx);
  }

  @Patch(':id')
  @RequirePermission('activity-plans:manage')
  @ApiOperation({ summary: 'Change a draft or rejected plan' })
  update(@IdParam() id: number, @ZodBody(PlanUpdateInput) body: z.output<typeof PlanUpdateInput>, @Ctx() ctx: RequestContext) {
    return this.plans.update(id, body, ctx);
  }

  @Post(':id/submit')
  @RequirePermission('activity-plans:manage')
  @ApiOperation({ summary: 'Submit the plan through its approval chain (large plans also to the group and the marketing VP)' })
  submit(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.plans.submit(id, ctx);
  }

  @Post(':id/adjustments')
  @RequirePermission('activity-plans:manage')
  @ApiOperation({ summary: 'An in-year adjustment: the next numbered version, approved by club manager and division leader' })
  adjust(@IdParam() id: number, @ZodBody(AdjustmentInput) body: z.output<typeof AdjustmentInput>, @Ctx() ctx: RequestContext) {
    return this.plans.adjust(id, body, ctx);
  }

  @Post('adjustments/:id/resubmit')
  @RequirePermission('activity-plans:manage')
  @ApiOperation({ summary: 'A rejected adjustment, revised and submitted again' })
  resubmit(@IdParam() id: number, @ZodBody(AdjustmentInput) body: z.output<typeof AdjustmentInput>, @Ctx() ctx: RequestContext) {
    return this.plans.resubmitAdjustment(id, body, ctx);
  }
}

@ApiTags('implementation-plans')
@ApiBearerAuth()
@Controller('implementation-plans')
export class ImplementationPlansController {
  constructor(@Inject(ImplementationPlansService) private readonly plans: ImplementationPlansService) {}

  @Get()
  @RequirePermission('activity-plans:list')
  @ApiOperation({ summary: 'Implementation plans of activities (A-2)' })
  @ListRoute(implementationPlanListSpec)
  list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.plans.list(query, ctx);
  }

  @Get(':id')
  @RequirePermission('activity-plans:list')
  @ApiOperation({ summary: 'One implementation plan with its budget lines, actual costs and approvals' })
  get(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.plans.get(id, ctx);
  }

  @Post()
  @RequirePermission('activity-plans:manage')
  @ApiOperation({ summary: 'Draft an implementation plan for a planned activity, or an unplanned one' })
  create(@ZodBody(ImplementationPlanInput) body: z.output<typeof ImplementationPlanInput>, @Ctx() ctx: RequestContext) {
    return this.plans.create(body, ctx);
  }

  @Patch(':id')
  @RequirePermission('activity-plans:manage')
  @ApiOperation({ summary: 'Change a draft or rejected implementation plan' })
  update(@IdParam() id: number, @ZodBody(ImplementationPlanUpdateInput) body: z.output<typeof ImplementationPlanUpdateInput>, @Ctx() ctx: RequestContext) {
    return this.plans.update(id, body, ctx);
  }

  @Post(':id/submit')
  @RequirePermission('activity-plans:manage')
  @ApiOperation({ summary: 'Submit: at least a month before the activity unless unplanned' })
  submit(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.plans.submit(id, ctx);
  }

  @Put(':id/actual-costs')
  @RequirePermission('activity-plans:manage')
  @ApiOperation({ summary: 'Record the actual cost of budget lines' })
  actualCosts(@IdParam() id: number, @ZodBody(ActualCostInput) body: z.output<typeof ActualCostInput>, @Ctx() ctx: RequestContext) {
    return this.plans.recordActualCosts(id, body, ctx);
  }
}
