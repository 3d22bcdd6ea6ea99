// Response types of the activities feature, taken from the server's services (import type only).
import type { ActivityPlansService } from '../../../../server/src/activities/activity-plans.service';
import type { ImplementationPlansService } from '../../../../server/src/activities/implementation-plans.service';
import type { ApprovalsService, ApprovalRound as ServerApprovalRound } from '../../../../server/src/approvals/approvals.service';

export type ActivityPlan = Awaited<ReturnType<ActivityPlansService['get']>>;
export type ActivityPlanListItem = Awaited<ReturnType<ActivityPlansService['list']>>['data'][number];
export type ImplementationPlan = Awaited<ReturnType<ImplementationPlansService['get']>>;
export type ImplementationPlanListItem = Awaited<ReturnType<ImplementationPlansService['list']>>['data'][number];
export type ApprovalRound = ServerApprovalRound;
export type PendingApproval = Awaited<ReturnType<ApprovalsService['pending']>>['data'][number];
export type PlanStatus = ActivityPlan['status'];
