-- CreateEnum
CREATE TYPE "FundSource" AS ENUM ('LOCAL_FINANCE', 'PARTY_FEE', 'DONATION');

-- CreateEnum
CREATE TYPE "FundEntryKind" AS ENUM ('INCOME', 'DISBURSEMENT');

-- CreateEnum
CREATE TYPE "AidCategory" AS ENUM ('LIVING', 'ILLNESS', 'EMPLOYMENT', 'TRAINING', 'DISASTER', 'OTHER');

-- CreateEnum
CREATE TYPE "AidUrgency" AS ENUM ('NORMAL', 'URGENT');

-- CreateEnum
CREATE TYPE "AidStatus" AS ENUM ('PENDING', 'NEEDS_INFO', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "HardshipCause" AS ENUM ('OLD_AGE', 'ILLNESS', 'UNEMPLOYMENT', 'DISASTER', 'OTHER');

-- CreateEnum
CREATE TYPE "HardshipLevel" AS ENUM ('GENERAL', 'SERIOUS', 'SPECIAL');

-- CreateEnum
CREATE TYPE "HardshipStatus" AS ENUM ('ACTIVE', 'RESOLVED');

-- CreateEnum
CREATE TYPE "TalkForm" AS ENUM ('IN_PERSON', 'PHONE', 'VIDEO');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "HelperKind" AS ENUM ('DEPARTMENT', 'LEADER', 'MEMBER');

-- CreateTable
CREATE TABLE "FundBalance" (
    "orgId" INTEGER NOT NULL,
    "source" "FundSource" NOT NULL,
    "balanceFen" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FundBalance_pkey" PRIMARY KEY ("orgId","source")
);

-- CreateTable
CREATE TABLE "FundEntry" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "source" "FundSource" NOT NULL,
    "kind" "FundEntryKind" NOT NULL,
    "amountFen" INTEGER NOT NULL,
    "payer" TEXT,
    "payeeId" INTEGER,
    "note" TEXT,
    "aidRequestId" INTEGER,
    "visitTaskId" INTEGER,
    "recordedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FundEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AidRequest" (
    "id" SERIAL NOT NULL,
    "number" TEXT NOT NULL,
    "orgId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "filedById" INTEGER NOT NULL,
    "onBehalf" BOOLEAN NOT NULL DEFAULT false,
    "category" "AidCategory" NOT NULL,
    "description" TEXT NOT NULL,
    "requestedFen" INTEGER,
    "urgency" "AidUrgency" NOT NULL DEFAULT 'NORMAL',
    "status" "AidStatus" NOT NULL DEFAULT 'PENDING',
    "approvedFen" INTEGER,
    "fundSource" "FundSource",
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AidRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AidRequestEvent" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "type" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "AidRequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HardshipEntry" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "causes" "HardshipCause"[],
    "level" "HardshipLevel" NOT NULL,
    "household" TEXT NOT NULL,
    "status" "HardshipStatus" NOT NULL DEFAULT 'ACTIVE',
    "nextReviewOn" DATE NOT NULL,
    "openedFromRequestId" INTEGER,
    "resolvedReason" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HardshipEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HardshipHistory" (
    "id" SERIAL NOT NULL,
    "entryId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "action" TEXT NOT NULL,
    "changes" JSONB,

    CONSTRAINT "HardshipHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Talk" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "leaderId" INTEGER NOT NULL,
    "heldOn" DATE NOT NULL,
    "form" "TalkForm" NOT NULL,
    "thinking" TEXT,
    "work" TEXT,
    "life" TEXT,
    "concerns" TEXT,
    "concernAreas" TEXT[],
    "talkTaskId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Talk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TalkTask" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "leaderId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "aidRequestId" INTEGER,
    "dueOn" DATE NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "doneAt" TIMESTAMP(3),
    "lastRemindedOn" DATE,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TalkTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" SERIAL NOT NULL,
    "talkId" INTEGER NOT NULL,
    "ownerId" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitTask" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "visitorId" INTEGER NOT NULL,
    "festival" TEXT,
    "year" INTEGER,
    "eventKind" TEXT,
    "reason" TEXT,
    "dueOn" DATE NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "doneAt" TIMESTAMP(3),
    "visitedOn" DATE,
    "how" TEXT,
    "goods" TEXT,
    "amountFen" INTEGER,
    "fundSource" "FundSource",
    "notes" TEXT,
    "escalatedAt" TIMESTAMP(3),
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pairing" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "helperKind" "HelperKind" NOT NULL,
    "helperPersonId" INTEGER,
    "departmentName" TEXT,
    "startOn" DATE NOT NULL,
    "endOn" DATE,
    "endedReason" TEXT,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pairing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactLog" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "byId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "pairingId" INTEGER,
    "at" TIMESTAMP(3) NOT NULL,
    "how" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FundEntry_aidRequestId_key" ON "FundEntry"("aidRequestId");

-- CreateIndex
CREATE UNIQUE INDEX "FundEntry_visitTaskId_key" ON "FundEntry"("visitTaskId");

-- CreateIndex
CREATE INDEX "FundEntry_orgId_createdAt_idx" ON "FundEntry"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "FundEntry_payeeId_createdAt_idx" ON "FundEntry"("payeeId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AidRequest_number_key" ON "AidRequest"("number");

-- CreateIndex
CREATE INDEX "AidRequest_orgId_status_idx" ON "AidRequest"("orgId", "status");

-- CreateIndex
CREATE INDEX "AidRequest_personId_createdAt_idx" ON "AidRequest"("personId", "createdAt");

-- CreateIndex
CREATE INDEX "AidRequestEvent_requestId_at_idx" ON "AidRequestEvent"("requestId", "at");

-- CreateIndex
CREATE INDEX "HardshipEntry_orgId_status_idx" ON "HardshipEntry"("orgId", "status");

-- CreateIndex
CREATE INDEX "HardshipEntry_status_nextReviewOn_idx" ON "HardshipEntry"("status", "nextReviewOn");

-- CreateIndex
CREATE INDEX "HardshipEntry_personId_idx" ON "HardshipEntry"("personId");

-- CreateIndex
CREATE INDEX "HardshipHistory_entryId_at_idx" ON "HardshipHistory"("entryId", "at");

-- CreateIndex
CREATE INDEX "Talk_memberId_heldOn_idx" ON "Talk"("memberId", "heldOn");

-- CreateIndex
CREATE INDEX "Talk_orgId_heldOn_idx" ON "Talk"("orgId", "heldOn");

-- CreateIndex
CREATE INDEX "Talk_leaderId_idx" ON "Talk"("leaderId");

-- CreateIndex
CREATE UNIQUE INDEX "TalkTask_aidRequestId_key" ON "TalkTask"("aidRequestId");

-- CreateIndex
CREATE INDEX "TalkTask_leaderId_status_idx" ON "TalkTask"("leaderId", "status");

-- CreateIndex
CREATE INDEX "TalkTask_status_dueOn_idx" ON "TalkTask"("status", "dueOn");

-- CreateIndex
CREATE INDEX "FollowUp_ownerId_status_idx" ON "FollowUp"("ownerId", "status");

-- CreateIndex
CREATE INDEX "FollowUp_status_dueOn_idx" ON "FollowUp"("status", "dueOn");

-- CreateIndex
CREATE INDEX "VisitTask_visitorId_status_idx" ON "VisitTask"("visitorId", "status");

-- CreateIndex
CREATE INDEX "VisitTask_orgId_festival_year_idx" ON "VisitTask"("orgId", "festival", "year");

-- CreateIndex
CREATE INDEX "VisitTask_status_dueOn_idx" ON "VisitTask"("status", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "VisitTask_memberId_festival_year_key" ON "VisitTask"("memberId", "festival", "year");

-- CreateIndex
CREATE INDEX "Pairing_memberId_idx" ON "Pairing"("memberId");

-- CreateIndex
CREATE INDEX "Pairing_helperPersonId_idx" ON "Pairing"("helperPersonId");

-- CreateIndex
CREATE INDEX "ContactLog_memberId_kind_at_idx" ON "ContactLog"("memberId", "kind", "at");

-- AddForeignKey
ALTER TABLE "AidRequestEvent" ADD CONSTRAINT "AidRequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AidRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HardshipHistory" ADD CONSTRAINT "HardshipHistory_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "HardshipEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: rules Prisma's schema language cannot state, kept by the database itself.
-- A fund source never goes below zero, whatever the code above it does.
ALTER TABLE "FundBalance" ADD CONSTRAINT "FundBalance_balance_not_negative" CHECK ("balanceFen" >= 0);
-- Ledger amounts are positive fen; the entry's kind gives the direction.
ALTER TABLE "FundEntry" ADD CONSTRAINT "FundEntry_amount_positive" CHECK ("amountFen" > 0);
-- A member has at most one active hardship-archive entry.
CREATE UNIQUE INDEX "HardshipEntry_one_active_per_person" ON "HardshipEntry" ("personId") WHERE "status" = 'ACTIVE';
