-- Import jobs record the uploader's region (who may see the job and its report), the uploader's
-- language, the process running them with a heartbeat (a job whose process is gone is marked
-- FAILED at the next start), and, for VALID_ONLY, the sheet row through which rows are committed.
ALTER TABLE "import_jobs" ADD COLUMN "regionCode" VARCHAR(16),
ADD COLUMN "lang" VARCHAR(2) NOT NULL DEFAULT 'zh',
ADD COLUMN "workerId" VARCHAR(36),
ADD COLUMN "heartbeatAt" TIMESTAMPTZ(3),
ADD COLUMN "committedThroughRow" INTEGER NOT NULL DEFAULT 0;

-- Jobs from before: the region of the staff member who uploaded them (by hand: data, not schema).
UPDATE "import_jobs" j SET "regionCode" = s."regionCode" FROM "staff_users" s WHERE s."id" = j."createdById";

CREATE INDEX "import_jobs_regionCode_createdAt_idx" ON "import_jobs"("regionCode", "createdAt");

CREATE INDEX "import_jobs_status_heartbeatAt_idx" ON "import_jobs"("status", "heartbeatAt");
