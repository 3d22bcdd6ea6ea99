import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import * as z from 'zod';
import { AuthService } from './auth.service.js';
import { Ctx, Public, type RequestContext } from './current-user.js';
import { ZodBody } from '../crud/crud-http.js';
import { ChangePasswordInput } from './password-policy.js';

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
  @ApiOperation({
    summary: 'Sign in; returns a bearer token and the user with role, region and permissions',
    description: 'Every failure (wrong password, unknown user, locked account) answers the same 401; too many failures from one address answer 429.',
  })
  async login(@ZodBody(LoginInput) body: z.output<typeof LoginInput>, @Ctx() ctx: RequestContext) {
    const input = body;
    return this.auth.login(input.username, input.password, ctx);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Sign out: this token's session ends (the user's other sessions go on)" })
  async logout(@Ctx() ctx: RequestContext) {
    if (ctx.session) await this.auth.logout(ctx.session, ctx);
  }

  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change the own password; returns a fresh token, and every other session of the user ends',
    description: 'New password: at least 10 characters, letters and digits, not containing the username, not the current one. 400 with errors.currentPassword or errors.newPassword.',
  })
  async password(@ZodBody(ChangePasswordInput) body: z.output<typeof ChangePasswordInput>, @Ctx() ctx: RequestContext) {
    const input = body;
    return this.auth.changePassword(input.currentPassword, input.newPassword, ctx);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user: role, region and permissions' })
  me(@Ctx() ctx: RequestContext) {
    return ctx.user;
  }
}
