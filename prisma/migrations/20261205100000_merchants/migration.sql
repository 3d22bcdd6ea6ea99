-- Alliance merchants (domain.md B-1 to B-5): merchants and their pipeline steps, agreements with
-- their offer changes, reported changes, and visits.

-- CreateEnum
CREATE TYPE "MerchantPipeline" AS ENUM ('ACTIVE', 'PASSIVE');

-- CreateEnum
CREATE TYPE "MerchantStage" AS ENUM ('INFORMATION', 'NEGOTIATION', 'SIGNING');

-- CreateEnum
CREATE TYPE "MerchantStatus" AS ENUM ('PROSPECT', 'ACTIVE', 'ENDED');

-- CreateEnum
CREATE TYPE "MerchantOfferChangeKind" AS ENUM ('PRICE_INCREASE', 'WITHDRAWAL', 'PRICE_DECREASE');

-- CreateEnum
CREATE TYPE "MerchantVisitMethod" AS ENUM ('SITE', 'PHONE');

-- CreateTable
CREATE TABLE "merchants" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "category" VARCHAR(30) NOT NULL,
    "regionCode" VARCHAR(16) NOT NULL,
    "pipeline" "MerchantPipeline" NOT NULL,
    "stage" "MerchantStage" NOT NULL,
    "status" "MerchantStatus" NOT NULL DEFAULT 'PROSPECT',
    "address" VARCHAR(200),
    "representative" VARCHAR(50),
    "contact" VARCHAR(50),
    "phone" VARCHAR(30),
    "fax" VARCHAR(30),
    "products" VARCHAR(500),
    "reputationOk" BOOLEAN NOT NULL DEFAULT false,
    "licencesComplete" BOOLEAN NOT NULL DEFAULT false,
    "noMajorIncident3y" BOOLEAN NOT NULL DEFAULT false,
    "noSeriousComplaint1y" BOOLEAN NOT NULL DEFAULT false,
    "nearCommunities" BOOLEAN NOT NULL DEFAULT false,
    "supportsCulture" BOOLEAN NOT NULL DEFAULT false,
    "fitsResources" BOOLEAN NOT NULL DEFAULT false,
    "plaqueIssuedOn" DATE,
    "plaqueWithdrawnOn" DATE,
    "signedOn" DATE,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "merchant_steps" (
    "id" SERIAL NOT NULL,
    "merchantId" INTEGER NOT NULL,
    "stage" "MerchantStage" NOT NULL,
    "on" DATE NOT NULL,
    "notes" VARCHAR(2000) NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchant_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "merchant_agreements" (
    "id" SERIAL NOT NULL,
    "contractNo" VARCHAR(40) NOT NULL,
    "merchantId" INTEGER NOT NULL,
    "clubParty" VARCHAR(100) NOT NULL,
    "merchantParty" VARCHAR(100) NOT NULL,
    "businessScope" VARCHAR(500) NOT NULL,
    "discount" VARCHAR(200) NOT NULL,
    "termYears" INTEGER NOT NULL,
    "startOn" DATE NOT NULL,
    "endOn" DATE NOT NULL,
    "clubAddress" VARCHAR(200) NOT NULL,
    "merchantAddress" VARCHAR(200) NOT NULL,
    "clubRepresentative" VARCHAR(50) NOT NULL,
    "merchantRepresentative" VARCHAR(50) NOT NULL,
    "clubContact" VARCHAR(50) NOT NULL,
    "merchantContact" VARCHAR(50) NOT NULL,
    "clubPhone" VARCHAR(30) NOT NULL,
    "merchantPhone" VARCHAR(30) NOT NULL,
    "clubFax" VARCHAR(30),
    "merchantFax" VARCHAR(30),
    "objectedBy" VARCHAR(10),
    "objectedOn" DATE,
    "objectionNotes" VARCHAR(1000),
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchant_agreements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "merchant_offer_changes" (
    "id" SERIAL NOT NULL,
    "agreementId" INTEGER NOT NULL,
    "kind" "MerchantOfferChangeKind" NOT NULL,
    "description" VARCHAR(1000) NOT NULL,
    "noticeOn" DATE NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "consentOn" DATE,
    "consentById" INTEGER,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchant_offer_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "merchant_changes" (
    "id" SERIAL NOT NULL,
    "merchantId" INTEGER NOT NULL,
    "field" VARCHAR(20) NOT NULL,
    "oldValue" VARCHAR(500),
    "newValue" VARCHAR(500),
    "reportedOn" DATE NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchant_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "merchant_visits" (
    "id" SERIAL NOT NULL,
    "merchantId" INTEGER NOT NULL,
    "visitedOn" DATE NOT NULL,
    "method" "MerchantVisitMethod" NOT NULL,
    "visitor" VARCHAR(50) NOT NULL,
    "covered" VARCHAR(2000) NOT NULL,
    "pricesObserved" VARCHAR(1000),
    "serviceObserved" VARCHAR(1000),
    "memberFeedback" VARCHAR(1000),
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchant_visits_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "merchants_regionCode_idx" ON "merchants"("regionCode");

-- CreateIndex
CREATE INDEX "merchants_status_idx" ON "merchants"("status");

-- CreateIndex
CREATE INDEX "merchants_category_idx" ON "merchants"("category");

-- CreateIndex
CREATE INDEX "merchants_name_idx" ON "merchants"("name");

-- CreateIndex
CREATE INDEX "merchant_steps_merchantId_idx" ON "merchant_steps"("merchantId");

-- CreateIndex
CREATE UNIQUE INDEX "merchant_agreements_contractNo_key" ON "merchant_agreements"("contractNo");

-- CreateIndex
CREATE INDEX "merchant_agreements_merchantId_idx" ON "merchant_agreements"("merchantId");

-- CreateIndex
CREATE INDEX "merchant_agreements_endOn_idx" ON "merchant_agreements"("endOn");

-- CreateIndex
CREATE INDEX "merchant_offer_changes_agreementId_idx" ON "merchant_offer_changes"("agreementId");

-- CreateIndex
CREATE INDEX "merchant_changes_merchantId_idx" ON "merchant_changes"("merchantId");

-- CreateIndex
CREATE INDEX "merchant_visits_merchantId_visitedOn_idx" ON "merchant_visits"("merchantId", "visitedOn");

-- CreateIndex
CREATE INDEX "merchant_visits_visitedOn_idx" ON "merchant_visits"("visitedOn");

-- AddForeignKey
ALTER TABLE "merchant_steps" ADD CONSTRAINT "merchant_steps_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merchant_agreements" ADD CONSTRAINT "merchant_agreements_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "merchants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merchant_offer_changes" ADD CONSTRAINT "merchant_offer_changes_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "merchant_agreements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merchant_changes" ADD CONSTRAINT "merchant_changes_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merchant_visits" ADD CONSTRAINT "merchant_visits_merchantId_fkey" FOREIGN KEY ("merchantId") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;
