import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import * as z from 'zod';
import { validate } from '../common/validation.js';
import { AuthService } from './auth.service.js';
import { Ctx, Public, type RequestContext } from './current-user.js';

const LoginInput = z.strictObject({
  username: z.string().trim().min(1).max(50),
  password: z.string().min(1).max(200),
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; returns a bearer token and the user with role, region and permissions' })
  @ApiBody({ schema: z.toJSONSchema(LoginInput) as object })
  async login(@Body() body: unknown, @Ctx() ctx: RequestContext) {
    const input = validate(LoginInput, body, ctx.lang);
    return this.auth.login(input.username, input.password, ctx);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user: role, region and permissions' })
  me(@Ctx() ctx: RequestContext) {
    return ctx.user;
  }
}
