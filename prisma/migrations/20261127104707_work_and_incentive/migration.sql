-- CreateEnum
CREATE TYPE "TrainingAsk" AS ENUM ('TIME_OFF', 'SUBSIDY', 'POLICY');

-- CreateEnum
CREATE TYPE "TrainingTopic" AS ENUM ('THEORY', 'LAW', 'MARKET_ECONOMY', 'PRACTICAL_SKILLS', 'PARTY_AFFAIRS', 'OTHER');

-- CreateEnum
CREATE TYPE "JobKind" AS ENUM ('SKILLED_TRADE', 'SERVICE', 'LOGISTICS', 'CONSTRUCTION', 'OFFICE', 'AGRICULTURE', 'COMMUNITY', 'CARE', 'OTHER');

-- CreateEnum
CREATE TYPE "EmploymentStatus" AS ENUM ('OPEN', 'EMPLOYED', 'CLOSED');

-- CreateEnum
CREATE TYPE "JobPostingType" AS ENUM ('JOB', 'POLICY');

-- CreateEnum
CREATE TYPE "CommendLevel" AS ENUM ('BRANCH', 'COMMITTEE', 'HIGHER');

-- CreateEnum
CREATE TYPE "CommendStatus" AS ENUM ('PENDING', 'APPROVED', 'DECLINED', 'REVOKED');

-- CreateEnum
CREATE TYPE "QuestionStatus" AS ENUM ('OPEN', 'ANSWERED');

-- CreateTable
CREATE TABLE "TrainingApplication" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "course" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "startOn" DATE NOT NULL,
    "endOn" DATE NOT NULL,
    "costFen" INTEGER,
    "asks" "TrainingAsk"[],
    "requestedFen" INTEGER,
    "reason" TEXT NOT NULL,
    "status" "AidStatus" NOT NULL DEFAULT 'PENDING',
    "grantedAsks" "TrainingAsk"[],
    "subsidyFen" INTEGER,
    "fundSource" "FundSource",
    "fundEntryId" INTEGER,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "formMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSession" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "topic" "TrainingTopic" NOT NULL,
    "title" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "hours" INTEGER,
    "recordedById" INTEGER,
    "formMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingAttendance" (
    "id" SERIAL NOT NULL,
    "sessionId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,

    CONSTRAINT "TrainingAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmploymentCase" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "registeredById" INTEGER NOT NULL,
    "skills" TEXT NOT NULL,
    "kinds" "JobKind"[],
    "area" TEXT,
    "wishes" TEXT,
    "status" "EmploymentStatus" NOT NULL DEFAULT 'OPEN',
    "openedOn" DATE NOT NULL,
    "lastCheckInOn" DATE,
    "employedOn" DATE,
    "outcome" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmploymentCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmploymentEvent" (
    "id" SERIAL NOT NULL,
    "caseId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "type" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "EmploymentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobPosting" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "postedById" INTEGER NOT NULL,
    "type" "JobPostingType" NOT NULL,
    "title" TEXT NOT NULL,
    "employer" TEXT,
    "kinds" "JobKind"[],
    "area" TEXT,
    "pay" TEXT,
    "contact" TEXT,
    "details" TEXT NOT NULL,
    "formMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobPosting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobPush" (
    "id" SERIAL NOT NULL,
    "postingId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "caseId" INTEGER NOT NULL,
    "week" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobPush_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commendation" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "nominatedById" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "level" "CommendLevel" NOT NULL,
    "deeds" TEXT NOT NULL,
    "status" "CommendStatus" NOT NULL DEFAULT 'PENDING',
    "awardedOn" DATE,
    "decidedById" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "revokedById" INTEGER,
    "revokedAt" TIMESTAMP(3),
    "revokeReason" TEXT,
    "formMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Commendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Question" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "askerId" INTEGER NOT NULL,
    "status" "QuestionStatus" NOT NULL DEFAULT 'OPEN',
    "messageCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Question_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionMessage" (
    "id" SERIAL NOT NULL,
    "questionId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "fromAsker" BOOLEAN NOT NULL,
    "body" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuestionMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrainingApplication_fundEntryId_key" ON "TrainingApplication"("fundEntryId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingApplication_formMessageId_key" ON "TrainingApplication"("formMessageId");

-- CreateIndex
CREATE INDEX "TrainingApplication_orgId_status_idx" ON "TrainingApplication"("orgId", "status");

-- CreateIndex
CREATE INDEX "TrainingApplication_personId_createdAt_idx" ON "TrainingApplication"("personId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingSession_formMessageId_key" ON "TrainingSession"("formMessageId");

-- CreateIndex
CREATE INDEX "TrainingSession_orgId_heldOn_idx" ON "TrainingSession"("orgId", "heldOn");

-- CreateIndex
CREATE INDEX "TrainingAttendance_personId_idx" ON "TrainingAttendance"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingAttendance_sessionId_personId_key" ON "TrainingAttendance"("sessionId", "personId");

-- CreateIndex
CREATE INDEX "EmploymentCase_orgId_status_idx" ON "EmploymentCase"("orgId", "status");

-- CreateIndex
CREATE INDEX "EmploymentCase_personId_idx" ON "EmploymentCase"("personId");

-- CreateIndex
CREATE INDEX "EmploymentEvent_caseId_at_idx" ON "EmploymentEvent"("caseId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "JobPosting_formMessageId_key" ON "JobPosting"("formMessageId");

-- CreateIndex
CREATE INDEX "JobPosting_orgId_createdAt_idx" ON "JobPosting"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "JobPush_personId_week_idx" ON "JobPush"("personId", "week");

-- CreateIndex
CREATE UNIQUE INDEX "JobPush_postingId_personId_key" ON "JobPush"("postingId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Commendation_formMessageId_key" ON "Commendation"("formMessageId");

-- CreateIndex
CREATE INDEX "Commendation_orgId_status_idx" ON "Commendation"("orgId", "status");

-- CreateIndex
CREATE INDEX "Commendation_personId_idx" ON "Commendation"("personId");

-- CreateIndex
CREATE INDEX "Question_askerId_createdAt_idx" ON "Question"("askerId", "createdAt");

-- CreateIndex
CREATE INDEX "Question_orgId_status_idx" ON "Question"("orgId", "status");

-- CreateIndex
CREATE INDEX "QuestionMessage_questionId_at_idx" ON "QuestionMessage"("questionId", "at");

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmploymentEvent" ADD CONSTRAINT "EmploymentEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "EmploymentCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobPush" ADD CONSTRAINT "JobPush_postingId_fkey" FOREIGN KEY ("postingId") REFERENCES "JobPosting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionMessage" ADD CONSTRAINT "QuestionMessage_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: one open employment case per person; money and hours are positive; a training
-- ends on or after the day it starts.
CREATE UNIQUE INDEX "EmploymentCase_one_open_per_person" ON "EmploymentCase" ("personId") WHERE "status" = 'OPEN';
ALTER TABLE "TrainingApplication" ADD CONSTRAINT "TrainingApplication_dates" CHECK ("endOn" >= "startOn");
ALTER TABLE "TrainingApplication" ADD CONSTRAINT "TrainingApplication_money_positive" CHECK (("costFen" IS NULL OR "costFen" >= 0) AND ("requestedFen" IS NULL OR "requestedFen" > 0) AND ("subsidyFen" IS NULL OR "subsidyFen" > 0));
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_hours_positive" CHECK ("hours" IS NULL OR "hours" > 0);
