-- Issue 13: messages (each its own job, claimed with FOR UPDATE SKIP LOCKED), members who
-- declined messages, and the club's own occasions (C-1).
CREATE TYPE "MessageChannel" AS ENUM ('EMAIL', 'SMS');
CREATE TYPE "MessageState" AS ENUM ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED');

CREATE TABLE "messages" (
    "id" SERIAL NOT NULL,
    "idempotencyKey" VARCHAR(120) NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "memberId" INTEGER NOT NULL,
    "regionCode" VARCHAR(16) NOT NULL,
    "templateKey" VARCHAR(50) NOT NULL,
    "lang" VARCHAR(5) NOT NULL DEFAULT 'zh',
    "subject" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "state" "MessageState" NOT NULL DEFAULT 'QUEUED',
    "reason" VARCHAR(500),
    "provider" VARCHAR(20),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "messages_idempotencyKey_key" ON "messages"("idempotencyKey");
CREATE INDEX "messages_state_nextAttemptAt_idx" ON "messages"("state", "nextAttemptAt");
CREATE INDEX "messages_memberId_idx" ON "messages"("memberId");
CREATE INDEX "messages_regionCode_createdAt_idx" ON "messages"("regionCode", "createdAt");
CREATE INDEX "messages_channel_createdAt_idx" ON "messages"("channel", "createdAt");

CREATE TABLE "message_consents" (
    "memberId" INTEGER NOT NULL,
    "declined" BOOLEAN NOT NULL DEFAULT true,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedBy" INTEGER,

    CONSTRAINT "message_consents_pkey" PRIMARY KEY ("memberId")
);

CREATE TABLE "club_occasions" (
    "id" SERIAL NOT NULL,
    "nameZh" VARCHAR(50) NOT NULL,
    "nameEn" VARCHAR(100) NOT NULL,
    "month" INTEGER NOT NULL,
    "day" INTEGER NOT NULL,
    "regionCode" VARCHAR(16),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "club_occasions_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "club_occasions_month_idx" ON "club_occasions"("month");
