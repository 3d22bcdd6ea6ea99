// Warnings that come with a successful answer ("the pickup day is not a Tuesday"), named by their
// message key in the service and rendered in the caller's language on the way out, like errors.
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { map, type Observable } from 'rxjs';
import type { MessageParams } from './i18n-types.js';
import { langFrom, t, type MessageKey } from './i18n.js';

export interface Notice {
  key: MessageKey;
  params?: MessageParams;
}

function isNotice(x: unknown): x is Notice {
  return !!x && typeof x === 'object' && typeof (x as Notice).key === 'string' && !('message' in x);
}

/** Renders the `warnings: Notice[]` of an answer as `{ key, message }` in the caller's language. */
@Injectable()
export class NoticesInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      map((body: unknown) => {
        const warnings = (body as { warnings?: unknown } | null)?.warnings;
        if (!Array.isArray(warnings) || !warnings.every(isNotice)) return body;
        const lang = langFrom(req.headers['accept-language']);
        return { ...(body as object), warnings: warnings.map((w) => ({ key: w.key, message: t(lang, w.key, w.params) })) };
      }),
    );
  }
}
