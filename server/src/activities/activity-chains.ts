// The approval chains of activities (domain.md A-1 to A-4), declared once, used by the plans'
// services. The steps' working days are not in the seeds: three working days a step, a default.
import { withSteps, type ApprovalChain, type ChainStep } from '../approvals/approval-chains.js';

const step = (role: ChainStep['role'], scope: ChainStep['scope'], label: string): ChainStep => ({ role, scope, label });
const STEP_DAYS = 3;

/** a region's annual plan: club manager → division leader → its leadership (the region's GM), then filed with and approved by the group. */
export const REGION_PLAN_CHAIN: ApprovalChain = {
  key: 'activity-plan.region',
  steps: [step('club_manager', 'REGION', 'clubManager'), step('division_leader', 'REGION', 'divisionLeader'), step('general_manager', 'REGION', 'regionLeadership'), step('general_manager', 'GROUP', 'groupReview')],
  stepDays: STEP_DAYS,
  revisionDays: 10,
};

/** A-1 (seed 001): the group plan: club manager → division leader → the group customer-service GM → the marketing VP. */
export const GROUP_PLAN_CHAIN: ApprovalChain = {
  key: 'activity-plan.group',
  steps: [step('club_manager', 'REGION', 'clubManager'), step('division_leader', 'REGION', 'divisionLeader'), step('general_manager', 'GROUP', 'groupCustomerServiceGm'), step('marketing_vp', 'GROUP', 'marketingVp')],
  stepDays: STEP_DAYS,
  revisionDays: 10,
};

/** in-year adjustments: club manager + division leader. */
export const ADJUSTMENT_CHAIN: ApprovalChain = {
  key: 'activity-plan-adjustment',
  steps: [step('club_manager', 'REGION', 'clubManager'), step('division_leader', 'REGION', 'divisionLeader')],
  stepDays: STEP_DAYS,
  revisionDays: 10,
};

/** an implementation plan: club manager + division leader; revised within 3 working days. */
export const IMPLEMENTATION_CHAIN: ApprovalChain = {
  key: 'implementation-plan',
  steps: [step('club_manager', 'REGION', 'clubManager'), step('division_leader', 'REGION', 'divisionLeader')],
  stepDays: STEP_DAYS,
  revisionDays: 3,
};

/** a large activity adds the group's review and the marketing VP's approval. */
export function forLarge(chain: ApprovalChain): ApprovalChain {
  return withSteps(chain, `${chain.key}.large`, [step('general_manager', 'GROUP', 'groupReview'), step('marketing_vp', 'GROUP', 'marketingVp')]);
}

/** a region's unplanned activity needs the group customer-service centre's approval first. */
export function forUnplanned(chain: ApprovalChain, regionCode: string | null): ApprovalChain {
  return regionCode === null ? { ...chain, key: `${chain.key}.unplanned` } : withSteps(chain, `${chain.key}.unplanned`, [step('general_manager', 'GROUP', 'groupCustomerService')], 'start');
}

/**
 * A-3: more than 300 people, more than 100,000 RMB, several departments, or the company brand.
 * The thresholds are seed 001's.
 */
export const LARGE_ACTIVITY = { people: 300, budgetFen: 100_000 * 100, departments: 2 } as const;

export function isLarge(a: { expectedParticipants: number; budgetFen: number; departments: readonly string[]; brand: boolean }): boolean {
  return a.expectedParticipants > LARGE_ACTIVITY.people || a.budgetFen > LARGE_ACTIVITY.budgetFen || new Set(a.departments).size >= LARGE_ACTIVITY.departments || a.brand;
}
