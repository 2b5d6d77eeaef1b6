-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'ENDED');

-- CreateEnum
CREATE TYPE "MembershipChangeKind" AS ENUM ('TRANSFER_OUT', 'TRANSFER_IN', 'DEATH', 'LEFT', 'SUSPENDED', 'RESTORED');

-- CreateEnum
CREATE TYPE "ChangeStatus" AS ENUM ('APPLIED', 'REVERTED');

-- CreateEnum
CREATE TYPE "RosterReviewStatus" AS ENUM ('PENDING', 'APPLIED', 'DISCARDED');

-- CreateEnum
CREATE TYPE "DayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateEnum
CREATE TYPE "CalendarSource" AS ENUM ('LIBRARY', 'OFFICIAL');

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "deceasedOn" DATE;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "changeId" INTEGER,
ADD COLUMN     "endedOn" DATE,
ADD COLUMN     "since" DATE,
ADD COLUMN     "status" "MembershipStatus" NOT NULL DEFAULT 'ACTIVE';

-- AlterTable
ALTER TABLE "FundEntry" ADD COLUMN     "reason" TEXT,
ADD COLUMN     "reversesId" INTEGER;

-- AlterTable
ALTER TABLE "Talk" ADD COLUMN     "imported" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "revisedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "TalkTask" ADD COLUMN     "closedReason" TEXT;

-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN     "closedReason" TEXT;

-- AlterTable
ALTER TABLE "VisitTask" ADD COLUMN     "closedReason" TEXT;

-- CreateTable
CREATE TABLE "MembershipChange" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "kind" "MembershipChangeKind" NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "otherOrgId" INTEGER,
    "otherOrgName" TEXT,
    "note" TEXT,
    "effects" JSONB NOT NULL DEFAULT '{}',
    "status" "ChangeStatus" NOT NULL DEFAULT 'APPLIED',
    "recordedById" INTEGER NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revertedById" INTEGER,
    "revertedAt" TIMESTAMP(3),

    CONSTRAINT "MembershipChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RosterReview" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "plan" JSONB NOT NULL,
    "status" "RosterReviewStatus" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "RosterReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TalkRevision" (
    "id" SERIAL NOT NULL,
    "talkId" INTEGER NOT NULL,
    "revisedById" INTEGER NOT NULL,
    "revisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "before" JSONB NOT NULL,

    CONSTRAINT "TalkRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarDay" (
    "day" DATE NOT NULL,
    "kind" "DayKind" NOT NULL,
    "name" TEXT,
    "updatedById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "CalendarYear" (
    "year" INTEGER NOT NULL,
    "source" "CalendarSource" NOT NULL,
    "enteredById" INTEGER,
    "enteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CalendarYear_pkey" PRIMARY KEY ("year")
);

-- CreateIndex
CREATE INDEX "MembershipChange_personId_recordedAt_idx" ON "MembershipChange"("personId", "recordedAt");

-- CreateIndex
CREATE INDEX "MembershipChange_orgId_recordedAt_idx" ON "MembershipChange"("orgId", "recordedAt");

-- CreateIndex
CREATE INDEX "RosterReview_orgId_status_idx" ON "RosterReview"("orgId", "status");

-- CreateIndex
CREATE INDEX "TalkRevision_talkId_revisedAt_idx" ON "TalkRevision"("talkId", "revisedAt");

-- CreateIndex
CREATE INDEX "Membership_personId_status_idx" ON "Membership"("personId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "FundEntry_reversesId_key" ON "FundEntry"("reversesId");

-- AddForeignKey
ALTER TABLE "TalkRevision" ADD CONSTRAINT "TalkRevision_talkId_fkey" FOREIGN KEY ("talkId") REFERENCES "Talk"("id") ON DELETE CASCADE ON UPDATE CASCADE;
