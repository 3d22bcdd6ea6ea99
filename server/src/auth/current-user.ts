import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '../generated/prisma/enums.js';
import type { Lang } from '../common/i18n.js';
import type { Permission } from './permissions.js';

/** The signed-in staff member, as the guard attaches it to the request. */
export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** null: the group club, which sees every region. */
  regionCode: string | null;
  permissions: readonly Permission[];
}

/** The sign-in a request's token belongs to (staff_sessions), and the account's session version in it. */
export interface SessionRef {
  id: string;
  version: number;
}

export interface RequestContext {
  user: CurrentUser;
  /** Set by the guard on every signed-in request. */
  session?: SessionRef;
  lang: Lang;
  ip: string | undefined;
  requestId: string;
}

export const IS_PUBLIC = 'isPublic';
export const REQUIRED_PERMISSION = 'requiredPermission';

/** The route needs no sign-in. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** The route needs this permission of the caller's role. */
export const RequirePermission = (p: Permission) => SetMetadata(REQUIRED_PERMISSION, p);

export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestContext => {
  const req = ctx.switchToHttp().getRequest();
  return { user: req.user, session: req.authSession, lang: req.lang, ip: req.ip, requestId: req.requestId };
});
