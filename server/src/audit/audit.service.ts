import { Inject, Injectable } from '@nestjs/common';
import { PRISMA, type Db } from '../database/prisma.service.js';
import type { RequestContext } from '../auth/current-user.js';
import type { Prisma } from '../generated/prisma/client.js';

export type AuditAction = 'LOGIN' | 'LOGIN_FAILED' | 'LOGIN_LOCKED' | 'LOGOUT' | 'READ_UNMASKED' | 'CREATE' | 'UPDATE' | 'DELETE' | 'EXPORT';

/** The append-only audit log: sign-ins, every unmasked read and export, every write. */
type Actor = Pick<RequestContext, 'ip' | 'requestId'> & { user?: { id: number; username: string } | null };

@Injectable()
export class AuditService {
  private readonly reads: { entry: Prisma.AuditLogCreateManyInput; done: (e?: unknown) => void }[] = [];
  private draining: Promise<void> | null = null;

  constructor(@Inject(PRISMA) private readonly db: Db) {}

  /**
   * An unmasked read (M-11): the hot path of every list a privileged user opens. Entries that
   * arrive while an insert is in flight are written together in the next one (group commit), so
   * twenty readers share one durable commit instead of queueing for twenty. The caller still
   * waits until its own entry is committed: no read is answered unlogged.
   */
  recordRead(ctx: Actor, resource: string, recordId: string | number | null, detail: Prisma.InputJsonValue = {}): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.reads.push({ entry: this.entry(ctx, 'READ_UNMASKED', resource, recordId, detail), done: (e) => (e ? reject(e) : resolve()) });
      this.draining ??= this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.reads.length) {
      const batch = this.reads.splice(0, 500);
      const error = await this.db.auditLog.createMany({ data: batch.map((b) => b.entry) }).then(() => undefined, (e: unknown) => e ?? new Error('audit insert failed'));
      for (const b of batch) b.done(error);
    }
    this.draining = null;
  }

  async record(
    ctx: Actor,
    action: AuditAction,
    resource: string,
    recordId: string | number | null,
    detail: Prisma.InputJsonValue = {},
    tx: Prisma.TransactionClient | Db = this.db,
  ): Promise<void> {
    await tx.auditLog.create({ data: this.entry(ctx, action, resource, recordId, detail) });
  }

  private entry(ctx: Actor, action: AuditAction, resource: string, recordId: string | number | null, detail: Prisma.InputJsonValue): Prisma.AuditLogCreateManyInput {
    return {
      actorId: ctx.user?.id ?? null,
      actorName: ctx.user?.username ?? null,
      action,
      // The API's resource names (import-jobs), never table names (import_jobs).
      resource: resource.replace(/_/g, '-'),
      recordId: recordId === null ? null : String(recordId),
      detail,
      ip: ctx.ip ?? null,
      requestId: ctx.requestId,
    };
  }
}
