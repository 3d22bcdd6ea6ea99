// The approval engine on the workbench: every step waiting on the caller's decision (one source for
// every subject type), and the caller's rejected submissions as revision deadlines.
import { Inject } from '@nestjs/common';
import type { RequestContext } from '../auth/current-user.js';
import { clubToday } from '../calendar/calendar.service.js';
import { isoDay } from '../calendar/working-days.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import { WorkbenchSourceProvider } from '../workbench/workbench.registry.js';
import type { WorkbenchItem, WorkbenchItems, WorkbenchSource } from '../workbench/workbench.types.js';
import { ApprovalsService, decidableSteps } from './approvals.service.js';

@WorkbenchSourceProvider()
export class ApprovalsWorkbench implements WorkbenchSource {
  readonly name = 'approvals';

  constructor(
    @Inject(PRISMA) private readonly db: Db,
    @Inject(ApprovalsService) private readonly approvals: ApprovalsService,
  ) {}

  async items(ctx: RequestContext, limit: number): Promise<WorkbenchItems> {
    const today = clubToday();
    const decide = decidableSteps(ctx.user);
    const revise = this.approvals.openRevisions(ctx.user);
    const [steps, stepsLate, revisions, revisionsLate, stepRows, revisionRows] = await Promise.all([
      this.db.approvalStep.count({ where: decide }),
      this.db.approvalStep.count({ where: { ...decide, dueOn: { lt: today } } }),
      this.db.approvalRequest.count({ where: revise }),
      this.db.approvalRequest.count({ where: { ...revise, revisionDueOn: { lt: today } } }),
      this.db.approvalStep.findMany({ where: decide, include: { request: true }, orderBy: [{ dueOn: 'asc' }, { id: 'asc' }], take: limit }),
      this.db.approvalRequest.findMany({ where: revise, orderBy: [{ revisionDueOn: 'asc' }, { id: 'asc' }], take: limit }),
    ]);
    const items: WorkbenchItem[] = [
      ...stepRows.map((s) => ({
        source: this.name,
        kind: 'decision' as const,
        action: `approvals.next.${s.request.subjectType}`,
        recordId: s.request.subjectId,
        title: s.request.title,
        dueOn: s.dueOn ? isoDay(s.dueOn) : null,
        overdue: s.dueOn !== null && s.dueOn < today,
        link: s.request.link,
      })),
      ...revisionRows.map((r) => ({
        source: this.name,
        kind: 'deadline' as const,
        action: `approvals.revise.${r.subjectType}`,
        recordId: r.subjectId,
        title: r.title,
        dueOn: r.revisionDueOn ? isoDay(r.revisionDueOn) : null,
        overdue: r.revisionDueOn !== null && r.revisionDueOn < today,
        link: r.link,
      })),
    ];
    items.sort((a, b) => (a.overdue !== b.overdue ? (a.overdue ? -1 : 1) : (a.dueOn ?? '9') < (b.dueOn ?? '9') ? -1 : (a.dueOn ?? '9') > (b.dueOn ?? '9') ? 1 : a.recordId - b.recordId));
    return { total: steps + revisions, overdue: stepsLate + revisionsLate, items: items.slice(0, limit) };
  }
}
