import { Body, Controller, Get, Inject, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import * as z from 'zod';
import { Ctx, RequirePermission, type RequestContext } from '../auth/current-user.js';
import { SettingsPatch, SettingsService } from './settings.service.js';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings')
export class SettingsController {
  constructor(@Inject(SettingsService) private readonly settings: SettingsService) {}

  @Get()
  @RequirePermission('calendar:view')
  @ApiOperation({ summary: 'Club settings: card fee (fen) and M-6 deadlines (working days)' })
  get() {
    return this.settings.get();
  }

  @Patch()
  @RequirePermission('calendar:edit')
  @ApiOperation({ summary: 'Change some club settings (club manager); audit-logged' })
  @ApiBody({ schema: z.toJSONSchema(SettingsPatch, { io: 'input' }) as object })
  update(@Body() body: unknown, @Ctx() ctx: RequestContext) {
    return this.settings.update(body, ctx);
  }
}
