-- R-1 / M-12: the membership as it stood at each quarter's end, frozen by a scheduled job and
-- rebuildable from the member history (server/src/analysis/member-quarter-sql.ts).
CREATE TYPE "SnapshotSource" AS ENUM ('SCHEDULED', 'REBUILT');

CREATE TABLE "member_quarter_runs" (
    "quarterEnd" DATE NOT NULL,
    "source" "SnapshotSource" NOT NULL,
    "builtAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "builtById" INTEGER,
    "rows" INTEGER NOT NULL,

    CONSTRAINT "member_quarter_runs_pkey" PRIMARY KEY ("quarterEnd")
);

CREATE TABLE "member_quarter_snapshots" (
    "quarterEnd" DATE NOT NULL,
    "memberId" INTEGER NOT NULL,
    "regionCode" VARCHAR(16) NOT NULL,
    "projectId" INTEGER NOT NULL,
    "sex" "Sex" NOT NULL,
    "ageYears" INTEGER,
    "education" "Education",
    "employmentStatus" "EmploymentStatus" NOT NULL,
    "businessType" VARCHAR(50),
    "position" VARCHAR(50),
    "maritalStatus" "MaritalStatus" NOT NULL,
    "childrenCount" INTEGER NOT NULL,
    "householdSize" INTEGER NOT NULL,
    "cardsInHousehold" INTEGER NOT NULL,
    "hasCar" BOOLEAN NOT NULL,
    "joinReasons" "JoinReason"[],
    "hobbyIds" INTEGER[],
    "tenureYears" INTEGER NOT NULL,
    "memberAtEnd" BOOLEAN NOT NULL,
    "joinedInQuarter" BOOLEAN NOT NULL,
    "leftInQuarter" BOOLEAN NOT NULL,

    CONSTRAINT "member_quarter_snapshots_pkey" PRIMARY KEY ("quarterEnd","memberId")
);

CREATE INDEX "member_quarter_snapshots_quarterEnd_regionCode_idx" ON "member_quarter_snapshots"("quarterEnd", "regionCode");

-- A quarter end is the last day of March, June, September or December.
ALTER TABLE "member_quarter_runs" ADD CONSTRAINT "member_quarter_runs_quarter_end_check"
  CHECK ("quarterEnd" = (date_trunc('quarter', "quarterEnd") + interval '3 months - 1 day')::date);
