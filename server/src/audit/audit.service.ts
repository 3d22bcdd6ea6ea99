import { Inject, Injectable } from '@nestjs/common';
import { PRISMA, type Db } from '../database/prisma.service.js';
import type { RequestContext } from '../auth/current-user.js';
import type { Prisma } from '../generated/prisma/client.js';

export type AuditAction = 'LOGIN' | 'LOGIN_FAILED' | 'LOGIN_LOCKED' | 'READ_UNMASKED' | 'CREATE' | 'UPDATE' | 'DELETE' | 'EXPORT';

/** The append-only audit log: sign-ins, every unmasked read and export, every write. */
@Injectable()
export class AuditService {
  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async record(
    ctx: Pick<RequestContext, 'ip' | 'requestId'> & { user?: { id: number; username: string } | null },
    action: AuditAction,
    resource: string,
    recordId: string | number | null,
    detail: Prisma.InputJsonValue = {},
    tx: Prisma.TransactionClient | Db = this.db,
  ): Promise<void> {
    await tx.auditLog.create({
      data: {
        actorId: ctx.user?.id ?? null,
        actorName: ctx.user?.username ?? null,
        action,
        resource,
        recordId: recordId === null ? null : String(recordId),
        detail,
        ip: ctx.ip ?? null,
        requestId: ctx.requestId,
      },
    });
  }
}
