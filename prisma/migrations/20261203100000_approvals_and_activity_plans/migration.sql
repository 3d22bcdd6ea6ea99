-- The approval engine (approvals.prisma) and the annual and implementation plans of activities (activities.prisma).
-- CreateEnum
CREATE TYPE "ActivityPlanStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ActivityAudience" AS ENUM ('MEMBERS', 'PROSPECTS', 'SUPPLIERS');

-- CreateEnum
CREATE TYPE "ApprovalRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ApprovalStepStatus" AS ENUM ('WAITING', 'PENDING', 'APPROVED', 'REJECTED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "ApprovalScope" AS ENUM ('REGION', 'GROUP');

-- CreateTable
CREATE TABLE "activity_plans" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "regionCode" VARCHAR(16),
    "title" VARCHAR(200) NOT NULL,
    "lastYearFixes" VARCHAR(4000) NOT NULL,
    "memberSummary" VARCHAR(4000) NOT NULL,
    "memberFigures" JSONB NOT NULL DEFAULT '{}',
    "goals" JSONB NOT NULL DEFAULT '{}',
    "status" "ActivityPlanStatus" NOT NULL DEFAULT 'DRAFT',
    "large" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "activity_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "planned_activities" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "expectedParticipants" INTEGER NOT NULL,
    "departments" VARCHAR(50)[],
    "brand" BOOLEAN NOT NULL DEFAULT false,
    "budgetLines" JSONB NOT NULL DEFAULT '[]',
    "budgetFen" INTEGER NOT NULL,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "planned_activities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity_plan_versions" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "reason" VARCHAR(1000) NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "snapshot" JSONB NOT NULL DEFAULT '[]',
    "status" "ActivityPlanStatus" NOT NULL DEFAULT 'SUBMITTED',
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "activity_plan_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "implementation_plans" (
    "id" SERIAL NOT NULL,
    "plannedActivityId" INTEGER,
    "regionCode" VARCHAR(16),
    "unplanned" BOOLEAN NOT NULL DEFAULT false,
    "name" VARCHAR(200) NOT NULL,
    "theme" VARCHAR(500) NOT NULL,
    "audiences" "ActivityAudience"[],
    "place" VARCHAR(200) NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "expectedParticipants" INTEGER NOT NULL,
    "departments" VARCHAR(50)[],
    "brand" BOOLEAN NOT NULL DEFAULT false,
    "staffRoles" JSONB NOT NULL DEFAULT '[]',
    "announcementDates" DATE[],
    "status" "ActivityPlanStatus" NOT NULL DEFAULT 'DRAFT',
    "large" BOOLEAN NOT NULL DEFAULT false,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "implementation_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "implementation_budget_lines" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "item" VARCHAR(200) NOT NULL,
    "budgetFen" INTEGER NOT NULL,
    "sharedBy" VARCHAR(50)[],
    "actualFen" INTEGER,
    "actualRecordedById" INTEGER,
    "actualRecordedAt" TIMESTAMPTZ(3),

    CONSTRAINT "implementation_budget_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_requests" (
    "id" SERIAL NOT NULL,
    "subjectType" VARCHAR(40) NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "round" INTEGER NOT NULL,
    "chainKey" VARCHAR(60) NOT NULL,
    "stepDays" INTEGER NOT NULL,
    "revisionDays" INTEGER NOT NULL,
    "regionCode" VARCHAR(16),
    "title" VARCHAR(200) NOT NULL,
    "link" VARCHAR(200) NOT NULL,
    "status" "ApprovalRequestStatus" NOT NULL DEFAULT 'PENDING',
    "submittedById" INTEGER NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revisionDueOn" DATE,
    "revisedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "approval_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approval_steps" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "role" "Role" NOT NULL,
    "scope" "ApprovalScope" NOT NULL,
    "label" VARCHAR(40) NOT NULL,
    "status" "ApprovalStepStatus" NOT NULL,
    "dueOn" DATE,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMPTZ(3),
    "reason" VARCHAR(1000),

    CONSTRAINT "approval_steps_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "activity_plans_year_regionCode_idx" ON "activity_plans"("year", "regionCode");

-- CreateIndex
CREATE INDEX "activity_plans_status_idx" ON "activity_plans"("status");

-- CreateIndex
CREATE INDEX "planned_activities_planId_idx" ON "planned_activities"("planId");

-- CreateIndex
CREATE INDEX "planned_activities_startsOn_idx" ON "planned_activities"("startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "activity_plan_versions_planId_number_key" ON "activity_plan_versions"("planId", "number");

-- CreateIndex
CREATE INDEX "implementation_plans_plannedActivityId_idx" ON "implementation_plans"("plannedActivityId");

-- CreateIndex
CREATE INDEX "implementation_plans_regionCode_startsOn_idx" ON "implementation_plans"("regionCode", "startsOn");

-- CreateIndex
CREATE INDEX "implementation_plans_status_idx" ON "implementation_plans"("status");

-- CreateIndex
CREATE UNIQUE INDEX "implementation_budget_lines_planId_position_key" ON "implementation_budget_lines"("planId", "position");

-- CreateIndex
CREATE INDEX "approval_requests_status_regionCode_idx" ON "approval_requests"("status", "regionCode");

-- CreateIndex
CREATE INDEX "approval_requests_submittedById_status_idx" ON "approval_requests"("submittedById", "status");

-- CreateIndex
CREATE INDEX "approval_requests_submittedAt_idx" ON "approval_requests"("submittedAt");

-- CreateIndex
CREATE UNIQUE INDEX "approval_requests_subjectType_subjectId_round_key" ON "approval_requests"("subjectType", "subjectId", "round");

-- CreateIndex
CREATE INDEX "approval_steps_status_role_scope_idx" ON "approval_steps"("status", "role", "scope");

-- CreateIndex
CREATE INDEX "approval_steps_decidedById_idx" ON "approval_steps"("decidedById");

-- CreateIndex
CREATE UNIQUE INDEX "approval_steps_requestId_position_key" ON "approval_steps"("requestId", "position");

-- AddForeignKey
ALTER TABLE "planned_activities" ADD CONSTRAINT "planned_activities_planId_fkey" FOREIGN KEY ("planId") REFERENCES "activity_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_plan_versions" ADD CONSTRAINT "activity_plan_versions_planId_fkey" FOREIGN KEY ("planId") REFERENCES "activity_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "implementation_plans" ADD CONSTRAINT "implementation_plans_plannedActivityId_fkey" FOREIGN KEY ("plannedActivityId") REFERENCES "planned_activities"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "implementation_budget_lines" ADD CONSTRAINT "implementation_budget_lines_planId_fkey" FOREIGN KEY ("planId") REFERENCES "implementation_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "approval_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

