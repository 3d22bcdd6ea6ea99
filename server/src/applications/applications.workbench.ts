// The applications' part of the workbench: the applications waiting on the caller's role (M-6
// deadlines, overdue first) and the figures of the application desk.
import { Inject } from '@nestjs/common';
import type { RequestContext } from '../auth/current-user.js';
import { regionFilter } from '../auth/region-scope.js';
import { clubToday } from '../calendar/calendar.service.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { thisAndPreviousQuarter } from '../workbench/periods.js';
import { WorkbenchSourceProvider } from '../workbench/workbench.registry.js';
import type { WorkbenchItems, WorkbenchKpi, WorkbenchSource } from '../workbench/workbench.types.js';
import { ApplicationsService } from './applications.service.js';

/** Which step comes next in each state (the admin names it). */
const DECISIONS = new Set(['VERIFIED']);

@WorkbenchSourceProvider()
export class ApplicationsWorkbench implements WorkbenchSource {
  readonly name = 'applications';

  constructor(
    @Inject(ApplicationsService) private readonly apps: ApplicationsService,
    @Inject(PRISMA) private readonly db: Db,
  ) {}

  async items(ctx: RequestContext, limit: number): Promise<WorkbenchItems> {
    if (!ctx.user.permissions.includes('applications:list')) return { total: 0, overdue: 0, items: [] };
    const tasks = await this.apps.tasks({ _start: '0', _end: String(limit) }, ctx);
    const marketing = ctx.user.role === 'marketing';
    return {
      total: tasks.total,
      overdue: tasks.overdue,
      items: tasks.data.map((a) => ({
        source: this.name,
        kind: DECISIONS.has(a.status) ? 'decision' : 'deadline',
        action: marketing ? 'applications.next.MARKETING_VERIFY' : ctx.user.role === 'club_manager' ? 'applications.next.SUPERVISE' : `applications.next.${a.status}`,
        recordId: a.id,
        title: `${a.applicationNo} ${a.applicantName}`,
        dueOn: a.dueOn,
        overdue: a.overdue,
        link: `/applications/show/${a.id}`,
      })),
    };
  }

  async kpis(ctx: RequestContext): Promise<WorkbenchKpi[]> {
    if (!ctx.user.permissions.includes('applications:list')) return [];
    const scope = regionFilter(ctx.user);
    const today = clubToday();
    const { current, previous } = thisAndPreviousQuarter(today);
    const open = { status: { notIn: ['ISSUED', 'REJECTED'] as ('ISSUED' | 'REJECTED')[] } };
    const [received, receivedBefore, openNow, overdueNow] = await Promise.all([
      this.db.application.count({ where: { ...scope, receivedOn: { gte: current.start, lt: current.end } } }),
      this.db.application.count({ where: { ...scope, receivedOn: { gte: previous.start, lt: previous.end } } }),
      this.db.application.count({ where: { ...scope, ...open } }),
      this.db.application.count({ where: { ...scope, ...open, dueOn: { lt: today } } }),
    ]);
    return [
      { key: 'applications.receivedThisQuarter', value: received, previous: receivedBefore, unit: 'count', period: 'quarter', link: '/applications', higherIsBetter: true },
      { key: 'applications.open', value: openNow, previous: null, unit: 'count', period: null, link: '/applications', higherIsBetter: false },
      { key: 'applications.overdue', value: overdueNow, previous: null, unit: 'count', period: null, link: '/applications?overdue=true', higherIsBetter: false },
    ];
  }
}
