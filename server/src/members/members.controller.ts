import { Body, Controller, Delete, Get, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import * as z from 'zod';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { listQueryDocs, parseId, sendList } from '../crud/crud-http.js';
import { validate } from '../common/validation.js';
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
  @ApiQuery({ name: 'filters', required: false, description: listQueryDocs(memberListSpec) })
  async list(@Query() query: Record<string, unknown>, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) res: Response) {
    return sendList(res, await this.members.list(query, ctx));
  }

  @Get(':id')
  @RequirePermission('members:show')
  @ApiOperation({ summary: 'One member with the whole application form (masked per M-11)' })
  get(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.members.get(parseId(id), ctx);
  }

  @Post()
  @RequirePermission('members:create')
  @ApiOperation({ summary: 'Create a member (M-2 eligibility enforced)' })
  @ApiBody({ schema: z.toJSONSchema(MemberCreateInput, { io: 'input', unrepresentable: 'any' }) as object })
  create(@Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.members.create(validate(MemberCreateInput, body, ctx.lang), ctx);
  }

  @Patch(':id')
  @RequirePermission('members:edit')
  @ApiOperation({ summary: 'Change a member; household and owner are fixed' })
  @ApiBody({ schema: z.toJSONSchema(MemberUpdateInput, { io: 'input', unrepresentable: 'any' }) as object })
  update(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.members.update(parseId(id), validate(MemberUpdateInput, body, ctx.lang), ctx);
  }

  @Delete(':id')
  @RequirePermission('members:delete')
  @ApiOperation({ summary: 'Delete a member' })
  remove(@Param('id') id: string, @Ctx() ctx: RequestContext) {
    return this.members.remove(parseId(id), ctx);
  }
}
