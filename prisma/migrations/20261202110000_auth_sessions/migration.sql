-- Sign-in hardening (server/src/auth): sessions that sign-out and a password change can end, a
-- session version on the account, and failed sign-ins counted per username and per client address
-- in a table that does not need the account to exist. The per-account counters on staff_users
-- are replaced by login_throttle.

-- AlterTable
ALTER TABLE "staff_users" DROP COLUMN "failedLogins",
DROP COLUMN "lockedUntil",
ADD COLUMN     "passwordChangedAt" TIMESTAMPTZ(3),
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "staff_sessions" (
    "id" UUID NOT NULL,
    "staffUserId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "endReason" VARCHAR(20),
    "ip" VARCHAR(64),

    CONSTRAINT "staff_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_throttle" (
    "key" VARCHAR(120) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "staff_sessions_staffUserId_idx" ON "staff_sessions"("staffUserId");

-- CreateIndex
CREATE INDEX "staff_sessions_expiresAt_idx" ON "staff_sessions"("expiresAt");

-- CreateIndex
CREATE INDEX "login_throttle_windowStart_idx" ON "login_throttle"("windowStart");

-- AddForeignKey
ALTER TABLE "staff_sessions" ADD CONSTRAINT "staff_sessions_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Not expressible in schema.prisma (added by hand):

-- A new password or a deactivation ends every session of the account, however it is made (the
-- API, an import, psql): tokens carry the version they were signed with.
CREATE FUNCTION staff_users_session_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."passwordHash" IS DISTINCT FROM OLD."passwordHash" OR (OLD."active" AND NOT NEW."active") THEN
    NEW."sessionVersion" := OLD."sessionVersion" + 1;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER staff_users_session_version BEFORE UPDATE ON "staff_users"
  FOR EACH ROW EXECUTE FUNCTION staff_users_session_version();

-- The API keeps who is signed in for a few seconds; these notices (change_notifications) make a
-- deactivation, a password change or a sign-out bite at once, in every API process.
CREATE TRIGGER staff_users_announce_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "staff_users"
  FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
CREATE TRIGGER staff_sessions_announce_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "staff_sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
