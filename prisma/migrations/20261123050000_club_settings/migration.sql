-- CreateTable
CREATE TABLE "club_settings" (
    "key" VARCHAR(50) NOT NULL,
    "value" JSONB NOT NULL,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "club_settings_pkey" PRIMARY KEY ("key")
);
