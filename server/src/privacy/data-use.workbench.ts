// Data-use requests (appendix 5) waiting for the caller's half of the decision (M-11): the club
// manager decides every request, the division leader those from outside the club; nobody decides
// their own.
import { Inject } from '@nestjs/common';
import type { RequestContext } from '../auth/current-user.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { WorkbenchSourceProvider } from '../workbench/workbench.registry.js';
import type { WorkbenchItems, WorkbenchSource } from '../workbench/workbench.types.js';

@WorkbenchSourceProvider()
export class DataUseWorkbench implements WorkbenchSource {
  readonly name = 'data-use-requests';

  constructor(@Inject(PRISMA) private readonly db: Db) {}

  /** The requests whose pending step is the caller's. */
  private waitingOn(ctx: RequestContext): Prisma.DataUseRequestWhereInput | null {
    const p = ctx.user.permissions;
    const steps: Prisma.DataUseRequestWhereInput[] = [];
    if (p.includes('data-use:approve-manager')) steps.push({ managerDecisionById: null });
    if (p.includes('data-use:approve-leader')) steps.push({ requesterKind: 'OUTSIDE', leaderDecisionById: null });
    if (!steps.length) return null;
    return { status: 'PENDING', requesterId: { not: ctx.user.id }, OR: steps };
  }

  async items(ctx: RequestContext, limit: number): Promise<WorkbenchItems> {
    const where = this.waitingOn(ctx);
    if (!where) return { total: 0, overdue: 0, items: [] };
    const [total, rows] = await Promise.all([
      this.db.dataUseRequest.count({ where }),
      this.db.dataUseRequest.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: limit, select: { id: true, requestNo: true, department: true } }),
    ]);
    return {
      total,
      overdue: 0,
      items: rows.map((r) => ({
        source: this.name,
        kind: 'decision' as const,
        action: 'data-use-requests.next.DECIDE',
        recordId: r.id,
        title: `${r.requestNo} ${r.department}`,
        dueOn: null,
        overdue: false,
        link: `/data-use-requests/show/${r.id}`,
      })),
    };
  }
}
