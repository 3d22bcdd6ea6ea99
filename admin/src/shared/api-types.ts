/**
 * What crosses the wire, taken from the server's own code — its mappers' and services' return
 * types, its zod inputs and Prisma's enums — so a changed response shape fails the admin's
 * typecheck instead of drifting. `import type` only: no server code reaches the bundle.
 * (The admin's tsconfig sets experimentalDecorators so the NestJS services type-check here.)
 */
import type { toMemberDetail, toMemberListItem } from '../../../server/src/members/member.mapper';
import type { MemberCreateInput } from '../../../server/src/members/member.schema';
import type { toApplicationListItem } from '../../../server/src/applications/application.mapper';
import type { ApplicationsService } from '../../../server/src/applications/applications.service';
import type { PickupBatchesService } from '../../../server/src/applications/pickup-batches.service';
import type { toCard, toException, toIssueRecordLine, toRange, toReissueRequest } from '../../../server/src/cards/card.mapper';
import type { FeesService } from '../../../server/src/cards/fees.service';
import type { FeeStatementsService } from '../../../server/src/cards/fee-statements.service';
import type { toCalendarDay } from '../../../server/src/calendar/calendar-days.service';
import type { ClubSettings as ServerClubSettings } from '../../../server/src/settings/settings.service';
import type { ChangeRequestsService } from '../../../server/src/records/change-requests.service';
import type { MemberHistoryService } from '../../../server/src/records/member-history.service';
import type { toItem as toAuditItem } from '../../../server/src/privacy/audit-log.service';
import type { DataUseService } from '../../../server/src/privacy/data-use.service';
import type { INFORMATION_KINDS } from '../../../server/src/privacy/data-use.schema';
import type { ImportService } from '../../../server/src/members/import/import.service';
import type { CurrentUser as ServerCurrentUser } from '../../../server/src/auth/current-user';
import type { WorkbenchService } from '../../../server/src/workbench/workbench.service';
import type { WorkbenchController } from '../../../server/src/workbench/workbench.controller';
import type { MerchantsService } from '../../../server/src/merchants/merchants.service';
import type { VisitCreateInput } from '../../../server/src/merchants/merchants.schema';

export type {
  ApplicationStatus,
  CalendarDayKind,
  FeeKind,
  Education,
  IdType,
  ImportMode,
  ImportStatus,
  MailingAddress,
  MaritalStatus,
  MemberStatus,
  ApprovalStatus,
  CardStatus,
  ChangeChannel,
  ChangeRequestStatus,
  CollectionPoint,
  DocumentKind,
  EmploymentStatus,
  JoinReason,
  Relation,
  ReissueReason,
  Role,
  Sex,
  Title,
  MerchantPipeline,
  MerchantStage,
  MerchantStatus,
  MerchantVisitMethod,
  MerchantOfferChangeKind,
} from '../../../server/src/generated/prisma/enums';
export type { AgreementState } from '../../../server/src/merchants/merchants.rules';

/** A value as JSON carries it: dates become ISO strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: Wire<T[K]> }
      : T;

/** `warnings: Notice[]` leave the API rendered in the caller's language (server/src/common/notices.ts). */
type Rendered<T> = T extends { warnings: unknown } ? Omit<T, 'warnings'> & { warnings?: { key: string; message: string }[] } : T;

type Answer<F extends (...args: never[]) => unknown> = Wire<Awaited<ReturnType<F>>>;
type Row<F extends (...args: never[]) => unknown> = Answer<F> extends { data: (infer R)[] } ? R : never;

export type CurrentUser = Wire<ServerCurrentUser>;

export type MemberListItem = Wire<ReturnType<typeof toMemberListItem>>;
export type MemberRecord = Wire<ReturnType<typeof toMemberDetail>>;
/** The M-4 form as the API reads it. */
export type MemberForm = Wire<MemberCreateInput>;
/** A family member as sent (the form) and as stored (the record, with its id). */
export type FamilyMemberInput = NonNullable<MemberForm['familyMembers']>[number];
export type FamilyMember = MemberRecord['familyMembers'][number];

export type ApplicationListItem = Wire<ReturnType<typeof toApplicationListItem>>;
export type ApplicationDetail = Answer<ApplicationsService['get']>;
export type ApplicationReceipt = Rendered<Answer<ApplicationsService['receive']>>;
export type ApplicationTasks = Answer<ApplicationsService['tasks']>;
export type PickupBatchItem = Row<PickupBatchesService['list']>;
export type PickupBatchDetail = Answer<PickupBatchesService['get']>;
export type PickupBatchCreated = Rendered<Answer<PickupBatchesService['create']>>;

export type CardRecord = Wire<ReturnType<typeof toCard>>;
export type CardRange = Wire<ReturnType<typeof toRange>>;
export type ReissueRequest = Wire<ReturnType<typeof toReissueRequest>>;
export type CardLimitException = Wire<ReturnType<typeof toException>>;
export type IssueRecordLine = Wire<ReturnType<typeof toIssueRecordLine>>;
export type FeeEntry = Answer<FeesService['get']>;
export type FeeStatement = Answer<FeeStatementsService['getStatement']>;
export type ProjectFigures = FeeStatement['byProject'][number];

export type CalendarDay = Wire<ReturnType<typeof toCalendarDay>>;
export type ClubSettings = Wire<ServerClubSettings>;
export type ChangeRequest = Answer<ChangeRequestsService['get']>;
export type HistoryEntry = Row<MemberHistoryService['list']>;

export type AuditEntry = Wire<ReturnType<typeof toAuditItem>>;
export type DataUseRequest = Answer<DataUseService['get']>;
export type InformationKind = (typeof INFORMATION_KINDS)[number];
export type ImportJob = Answer<ImportService['get']>;
export type ReportRow = NonNullable<ImportJob['report']>[number];

/** The workbench (工作台): the caller's items across every feature, per-source counts and figures. */
export type Workbench = Answer<WorkbenchService['forCaller']>;
export type WorkbenchItem = Workbench['items'][number];
export type WorkbenchKpi = Workbench['kpis'][number];
export type WorkbenchSourceCount = Workbench['sources'][number];
/** The header bell's answer (GET /api/workbench/counts). */
export type WorkbenchCounts = Answer<WorkbenchController['counts']>;
export type { QuarterRun } from '../../../server/src/analysis/member-quarters.service';

/** Alliance merchants (B-1 to B-5): the list row, the record with its steps and reported changes, agreements, visits. */
export type MerchantListItem = Row<MerchantsService['list']>;
export type MerchantDetail = Answer<MerchantsService['get']>;
export type MerchantAgreement = Row<MerchantsService['listAgreements']>;
export type MerchantVisit = Row<MerchantsService['listVisits']>;
export type MerchantVisitForm = Wire<VisitCreateInput>;
