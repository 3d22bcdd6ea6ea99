import { Inject, Injectable } from '@nestjs/common';
import type { RequestContext } from '../auth/current-user.js';
import { WorkbenchRegistry } from './workbench.registry.js';
import type { WorkbenchItem, WorkbenchKpi } from './workbench.types.js';

/** Items of each source shown on the workbench; the rest are a click away in the source's list. */
export const ITEMS_PER_SOURCE = 50;

export interface Workbench {
  counts: { total: number; overdue: number; decisions: number };
  /** Per source: how many items the caller has there, and how many are overdue. */
  sources: { name: string; total: number; overdue: number }[];
  items: WorkbenchItem[];
  kpis: WorkbenchKpi[];
}

/** Overdue first, then the earliest deadline, then decisions without one. */
function byUrgency(a: WorkbenchItem, b: WorkbenchItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueOn !== b.dueOn) return a.dueOn === null ? 1 : b.dueOn === null ? -1 : a.dueOn < b.dueOn ? -1 : 1;
  return a.recordId - b.recordId;
}

@Injectable()
export class WorkbenchService {
  constructor(@Inject(WorkbenchRegistry) private readonly registry: WorkbenchRegistry) {}

  /** Everything waiting on the caller across every feature, and the caller's figures. */
  async forCaller(ctx: RequestContext, withKpis = true): Promise<Workbench> {
    const sources = this.registry.all();
    const [lists, kpis] = await Promise.all([
      Promise.all(sources.map((s) => s.items?.(ctx, ITEMS_PER_SOURCE) ?? Promise.resolve({ total: 0, overdue: 0, items: [] }))),
      withKpis ? Promise.all(sources.map((s) => s.kpis?.(ctx) ?? Promise.resolve([]))) : Promise.resolve([]),
    ]);
    const items = lists.flatMap((l) => l.items).sort(byUrgency);
    const total = lists.reduce((s, l) => s + l.total, 0);
    const overdue = lists.reduce((s, l) => s + l.overdue, 0);
    return {
      counts: { total, overdue, decisions: items.filter((i) => i.kind === 'decision').length },
      sources: sources.map((s, i) => ({ name: s.name, total: lists[i].total, overdue: lists[i].overdue })).filter((s) => s.total > 0),
      items,
      kpis: kpis.flat(),
    };
  }
}
