import { Controller, Delete, Get, Inject, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import * as z from 'zod';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { IdParam, ListRoute, ZodBody } from '../crud/crud-http.js';
import { MemberCreateInput, MemberUpdateInput } from './member.schema.js';
import { MembersService, memberListSpec } from './members.service.js';

@ApiTags('members')
@ApiBearerAuth()
@Controller('members')
export class MembersController {
  constructor(@Inject(MembersService) private readonly members: MembersService) {}

  @Get()
  @RequirePermission('members:list')
  @ApiOperation({ summary: 'List members (simple-rest: _start, _end, _sort, _order, filters, q); total in X-Total-Count' })
  @ListRoute(memberListSpec)
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext) {
    return this.members.list(query, ctx);
  }

  @Get(':id')
  @RequirePermission('members:show')
  @ApiOperation({ summary: 'One member with the whole application form (masked per M-11)' })
  get(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.members.get(id, ctx);
  }

  @Post()
  @RequirePermission('members:create')
  @ApiOperation({ summary: 'Create a member (M-2 eligibility enforced)' })
  create(@ZodBody(MemberCreateInput) body: z.output<typeof MemberCreateInput>, @Ctx() ctx: RequestContext) {
    return this.members.create(body, ctx);
  }

  @Patch(':id')
  @RequirePermission('members:edit')
  @ApiOperation({ summary: 'Change a member; household and owner are fixed' })
  update(@IdParam() id: number, @ZodBody(MemberUpdateInput) body: z.output<typeof MemberUpdateInput>, @Ctx() ctx: RequestContext) {
    return this.members.update(id, body, ctx);
  }

  @Delete(':id')
  @RequirePermission('members:delete')
  @ApiOperation({ summary: 'Delete a member' })
  remove(@IdParam() id: number, @Ctx() ctx: RequestContext) {
    return this.members.remove(id, ctx);
  }
}
