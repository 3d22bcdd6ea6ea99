// A-2 on the workbench: each activity of an approved annual plan needs its implementation plan
// submitted at least one month before it starts. Until one is submitted (a draft does not count),
// the activity is a deadline of its level's activity officer (the region's, or the group club's
// own), due on the latest submission day; past that day it is overdue (then only the unplanned
// route is left, A-4). A rejected plan's revision is the approval engine's deadline instead.
import { Inject } from '@nestjs/common';
import type { RequestContext } from '../auth/current-user.js';
import { clubToday } from '../calendar/calendar.service.js';
import { isoDay } from '../calendar/working-days.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { WorkbenchSourceProvider } from '../workbench/workbench.registry.js';
import type { WorkbenchItems, WorkbenchSource } from '../workbench/workbench.types.js';
import { latestSubmission } from './implementation-plans.service.js';

@WorkbenchSourceProvider()
export class ImplementationPlansWorkbench implements WorkbenchSource {
  readonly name = 'implementation-plans';

  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async items(ctx: RequestContext, limit: number): Promise<WorkbenchItems> {
    if (ctx.user.role !== 'activity_officer' || !ctx.user.permissions.includes('activity-plans:manage')) return { total: 0, overdue: 0, items: [] };
    const today = clubToday();
    // At most 200 activities a plan and one plan a year per level: read them, date them here.
    const rows = await this.db.plannedActivity.findMany({
      where: {
        cancelled: false,
        startsOn: { gte: today },
        plan: { status: 'APPROVED', regionCode: ctx.user.regionCode ?? null },
        implementationPlans: { none: { status: { not: 'DRAFT' } } },
      },
      orderBy: [{ startsOn: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, startsOn: true, planId: true },
    });
    const dated = rows.map((r) => ({ ...r, dueOn: latestSubmission(r.startsOn) }));
    return {
      total: dated.length,
      overdue: dated.filter((r) => r.dueOn < today).length,
      items: dated.slice(0, limit).map((r) => ({
        source: this.name,
        kind: 'deadline' as const,
        action: 'implementation-plans.next.SUBMIT',
        recordId: r.id,
        title: `${isoDay(r.startsOn)} ${r.name}`,
        dueOn: isoDay(r.dueOn),
        overdue: r.dueOn < today,
        link: `/activity-plans/show/${r.planId}`,
      })),
    };
  }
}
