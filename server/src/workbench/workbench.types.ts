// What a feature tells the workbench (工作台), every role's home page: the records waiting for the
// caller's decision or past a deadline, and the figures the caller's role watches. A feature adds
// a `WorkbenchSource` marked `@WorkbenchSourceProvider()` to its module's providers; the workbench itself never changes for a new feature.
import type { RequestContext } from '../auth/current-user.js';

/** One thing on the caller's desk, linking to the record it is about. */
export interface WorkbenchItem {
  /** The source that produced it (its `name`). */
  source: string;
  /** A decision only the caller (or their role) can take, or a deadline the caller is to meet. */
  kind: 'decision' | 'deadline';
  /** What is to be done, as a key the admin translates (e.g. `applications.check`). */
  action: string;
  /** The record: its id and how people name it (an application number and the applicant). */
  recordId: number;
  title: string;
  /** The day it is due ('YYYY-MM-DD', China), when there is a deadline. */
  dueOn: string | null;
  overdue: boolean;
  /** The admin route of the record. */
  link: string;
}

/** A figure with the same figure of the previous period, so the change can be shown. */
export interface WorkbenchKpi {
  /** A key the admin translates (e.g. `members.active`). */
  key: string;
  value: number;
  /** The same figure for the previous period; null when it has no meaning (an open count). */
  previous: number | null;
  unit: 'count' | 'fen' | 'percent';
  /** What `previous` is: the end of the previous quarter, the previous month. */
  period: 'quarter' | 'month' | null;
  /** An admin route listing what the figure counts. */
  link?: string;
  /** Whether a rise is good news (members) or bad news (overdue items); the admin colours it. */
  higherIsBetter: boolean;
}

export interface WorkbenchItems {
  /** All of the caller's items of this source (`items` may be only the most urgent). */
  total: number;
  overdue: number;
  items: WorkbenchItem[];
}

export interface WorkbenchSource {
  /** A short name, unique among sources: 'applications', 'card-limit-exceptions'. */
  readonly name: string;
  /** The caller's items, most urgent first, at most `limit` of them. Empty for roles it does not concern; none for a source of figures only. */
  items?(ctx: RequestContext, limit: number): Promise<WorkbenchItems>;
  /** The figures this source contributes for the caller's role (optional). */
  kpis?(ctx: RequestContext): Promise<WorkbenchKpi[]>;
}
