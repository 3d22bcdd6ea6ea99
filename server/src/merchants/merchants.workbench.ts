// B-5 on the workbench: every active merchant is due a visit once a quarter; those not visited
// yet this quarter are deadlines due on the quarter's last day, for the merchant officer; one
// that was not visited last quarter either is overdue.
import { Inject } from '@nestjs/common';
import type { RequestContext } from '../auth/current-user.js';
import { isoDay } from '../workbench/periods.js';
import { WorkbenchSourceProvider } from '../workbench/workbench.registry.js';
import type { WorkbenchItems, WorkbenchSource } from '../workbench/workbench.types.js';
import { MerchantsService } from './merchants.service.js';

@WorkbenchSourceProvider()
export class MerchantVisitsWorkbench implements WorkbenchSource {
  readonly name = 'merchant-visits';

  constructor(@Inject(MerchantsService) private readonly merchants: MerchantsService) {}

  async items(ctx: RequestContext, limit: number): Promise<WorkbenchItems> {
    if (ctx.user.role !== 'merchant_officer' || !ctx.user.permissions.includes('merchants:manage')) return { total: 0, overdue: 0, items: [] };
    const { total, overdue, rows, dueOn } = await this.merchants.dueVisits(ctx, limit);
    return {
      total,
      overdue,
      items: rows.map((m) => ({
        source: this.name,
        kind: 'deadline' as const,
        action: 'merchants.next.VISIT',
        recordId: m.id,
        title: m.name,
        dueOn: isoDay(dueOn),
        overdue: m.overdue,
        link: `/merchants/show/${m.id}`,
      })),
    };
  }
}
