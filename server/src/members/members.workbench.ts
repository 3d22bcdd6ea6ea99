// The membership figures on the workbench: members now against the end of the previous quarter,
// and who joined and left this quarter against the whole previous quarter.
import { Inject } from '@nestjs/common';
import type { RequestContext } from '../auth/current-user.js';
import { regionFilter } from '../auth/region-scope.js';
import { PRISMA, type Db } from '../database/prisma.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { thisAndPreviousQuarter } from '../workbench/periods.js';
import { WorkbenchSourceProvider } from '../workbench/workbench.registry.js';
import type { WorkbenchKpi, WorkbenchSource } from '../workbench/workbench.types.js';

@WorkbenchSourceProvider()
export class MembersWorkbench implements WorkbenchSource {
  readonly name = 'members';

  constructor(@Inject(PRISMA) private readonly db: Db) {}

  async kpis(ctx: RequestContext): Promise<WorkbenchKpi[]> {
    if (!ctx.user.permissions.includes('members:list')) return [];
    const scope = regionFilter(ctx.user) as Prisma.MemberWhereInput;
    const { current, previous } = thisAndPreviousQuarter();
    // A member counts at a day's end if they had joined by then and had not left by then.
    const memberAt = (dayAfter: Date): Prisma.MemberWhereInput => ({ ...scope, joinedOn: { lt: dayAfter }, OR: [{ leftOn: null }, { leftOn: { gte: dayAfter } }] });
    const [now, atPreviousEnd, joined, joinedBefore, left, leftBefore] = await Promise.all([
      this.db.member.count({ where: { ...scope, status: 'ACTIVE' } }),
      this.db.member.count({ where: memberAt(current.start) }),
      this.db.member.count({ where: { ...scope, joinedOn: { gte: current.start, lt: current.end } } }),
      this.db.member.count({ where: { ...scope, joinedOn: { gte: previous.start, lt: previous.end } } }),
      this.db.member.count({ where: { ...scope, leftOn: { gte: current.start, lt: current.end } } }),
      this.db.member.count({ where: { ...scope, leftOn: { gte: previous.start, lt: previous.end } } }),
    ]);
    return [
      { key: 'members.active', value: now, previous: atPreviousEnd, unit: 'count', period: 'quarter', link: '/members', higherIsBetter: true },
      { key: 'members.joinedThisQuarter', value: joined, previous: joinedBefore, unit: 'count', period: 'quarter', link: '/members', higherIsBetter: true },
      { key: 'members.leftThisQuarter', value: left, previous: leftBefore, unit: 'count', period: 'quarter', higherIsBetter: false },
    ];
  }
}
