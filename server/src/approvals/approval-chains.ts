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

/** A chain with more steps: the same chain with steps added, those already in it left out. */
export function withSteps(chain: ApprovalChain, key: string, extra: readonly ChainStep[]): ApprovalChain {
  const has = (s: ChainStep) => chain.steps.some((c) => c.role === s.role && c.scope === s.scope);
  return { ...chain, key, steps: [...chain.steps, ...extra.filter((s) => !has(s))] };
}

/** A chain with steps in front (A-4: the group's approval first). */
export function withStepsFirst(chain: ApprovalChain, key: string, first: readonly ChainStep[]): ApprovalChain {
  const has = (s: ChainStep) => chain.steps.some((c) => c.role === s.role && c.scope === s.scope);
  return { ...chain, key, steps: [...first.filter((s) => !has(s)), ...chain.steps] };
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
