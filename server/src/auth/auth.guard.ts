import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '../common/app-error.js';
import { AuthService } from './auth.service.js';
import { IS_PUBLIC, REQUIRED_PERMISSION } from './current-user.js';
import type { Permission } from './permissions.js';

/** Every route needs a valid bearer token unless marked @Public(); @RequirePermission checks the role. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest();
    const header: string | undefined = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    const signedIn = token ? await this.auth.userForToken(token) : null;
    if (!signedIn) throw new AppError(401, 'errors.unauthenticated');
    const { user } = signedIn;
    req.user = user;
    req.authSession = signedIn.session;
    const needed = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (needed && !user.permissions.includes(needed)) throw AppError.forbidden();
    return true;
  }
}
