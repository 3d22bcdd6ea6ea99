// What a chain is. Chains are declared in code by the feature that owns the subject (an activity
// plan, later a merchant signing or a care plan) and handed to ApprovalsService.submit; the engine
// keeps each round's steps in the database, so a chain changed in code never rewrites a history.
import type { Prisma } from '../generated/prisma/client.js';
import type { Role } from '../generated/prisma/enums.js';

/** One step: who decides it. REGION: a user of the subject's own region (the group club's own
 * users for a group subject); GROUP: a user of the group club. */
export interface ChainStep {
  role: Role;
  scope: 'REGION' | 'GROUP';
  /** A key the admin translates: approvals.steps.<label>. */
  label: string;
}

export interface ApprovalChain {
  /** Names the chain in each round ('activity-plan.region'). */
  key: string;
  steps: readonly ChainStep[];
  /** Working days each step has, counted from the day it becomes the pending one. */
  stepDays: number;
  /** Working days the author has to revise after a rejection. */
  revisionDays: number;
}

/**
 * A chain with more steps, after its own (A-3: the group's review and the marketing VP) or in
 * front of them (A-4: the group's approval first); steps already in it (same role and scope) left out.
 */
export function withSteps(chain: ApprovalChain, key: string, extra: readonly ChainStep[], at: 'end' | 'start' = 'end'): ApprovalChain {
  const added = extra.filter((s) => !chain.steps.some((c) => c.role === s.role && c.scope === s.scope));
  return { ...chain, key, steps: at === 'start' ? [...added, ...chain.steps] : [...chain.steps, ...added] };
}

export type ApprovalOutcome = 'APPROVED' | 'REJECTED';

/**
 * The feature that owns a subject type: told, in the deciding transaction, when a round ends, so
 * the subject's own state (approved, returned for revision) changes with the decision.
 */
export interface ApprovalSubjectHandler {
  readonly subjectType: string;
  decided(tx: Prisma.TransactionClient, subjectId: number, outcome: ApprovalOutcome, round: { id: number; revisionDueOn: Date | null }): Promise<void>;
}
