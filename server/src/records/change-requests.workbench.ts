// Change requests on the workbench: each open request is due one working day after it came in (M-6).
import { Inject } from '@nestjs/common';
import type { RequestContext } from '../auth/current-user.js';
import { regionFilter } from '../auth/region-scope.js';
import { clubToday } from '../calendar/calendar.service.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { isoDay } from '../workbench/periods.js';
import { WorkbenchSourceProvider } from '../workbench/workbench.registry.js';
import type { WorkbenchItems, WorkbenchSource } from '../workbench/workbench.types.js';

@WorkbenchSourceProvider()
export class ChangeRequestsWorkbench implements WorkbenchSource {
  readonly name = 'change-requests';

  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async items(ctx: RequestContext, limit: number): Promise<WorkbenchItems> {
    if (!ctx.user.permissions.includes('change-requests:manage')) return { total: 0, overdue: 0, items: [] };
    const today = clubToday();
    const open: Prisma.ChangeRequestWhereInput = { status: 'OPEN', ...(ctx.user.regionCode ? { member: regionFilter(ctx.user) } : {}) };
    // The club manager supervises: only what is late. The member officer handles every open one.
    const mine: Prisma.ChangeRequestWhereInput = ctx.user.role === 'club_manager' ? { ...open, dueOn: { lt: today } } : open;
    const [total, overdue, rows] = await Promise.all([
      this.db.changeRequest.count({ where: mine }),
      this.db.changeRequest.count({ where: { ...mine, dueOn: { lt: today } } }),
      this.db.changeRequest.findMany({ where: mine, orderBy: [{ dueOn: 'asc' }, { id: 'asc' }], take: limit, select: { id: true, dueOn: true, channel: true, member: { select: { name: true } } } }),
    ]);
    return {
      total,
      overdue,
      items: rows.map((r) => ({
        source: this.name,
        kind: 'deadline' as const,
        action: ctx.user.role === 'club_manager' ? 'change-requests.next.SUPERVISE' : 'change-requests.next.HANDLE',
        recordId: r.id,
        title: r.member.name,
        dueOn: isoDay(r.dueOn),
        overdue: r.dueOn < today,
        link: `/change-requests/show/${r.id}`,
      })),
    };
  }
}
