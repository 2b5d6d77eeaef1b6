-- CreateEnum
CREATE TYPE "EscalationStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "SuggestionKind" AS ENUM ('SUGGESTION', 'OPINION', 'CRITICISM');

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('OPEN', 'ANSWERED');

-- CreateEnum
CREATE TYPE "OrgPairingKind" AS ENUM ('URBAN_RURAL', 'DEPARTMENT_BRANCH', 'ORG_HELP', 'OTHER');

-- CreateEnum
CREATE TYPE "OrgPairingStatus" AS ENUM ('PROPOSED', 'ACTIVE', 'DECLINED', 'ENDED');

-- CreateTable
CREATE TABLE "Escalation" (
    "id" SERIAL NOT NULL,
    "fromOrgId" INTEGER NOT NULL,
    "toOrgId" INTEGER NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "subjectPersonId" INTEGER,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "raisedById" INTEGER,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "EscalationStatus" NOT NULL DEFAULT 'OPEN',
    "closedById" INTEGER,
    "closedAt" TIMESTAMP(3),
    "closingNote" TEXT,

    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeerTalk" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "recordedById" INTEGER NOT NULL,
    "peerId" INTEGER NOT NULL,
    "heldOn" DATE NOT NULL,
    "form" "TalkForm" NOT NULL,
    "notes" TEXT,
    "formMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PeerTalk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" SERIAL NOT NULL,
    "number" TEXT,
    "orgId" INTEGER NOT NULL,
    "kind" "SuggestionKind" NOT NULL,
    "body" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "authorId" INTEGER,
    "replyTo" TEXT,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "answeredById" INTEGER,
    "answeredAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "formKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgPairing" (
    "id" SERIAL NOT NULL,
    "orgId" INTEGER NOT NULL,
    "partnerOrgId" INTEGER,
    "partnerName" TEXT,
    "kind" "OrgPairingKind" NOT NULL,
    "purpose" TEXT,
    "status" "OrgPairingStatus" NOT NULL DEFAULT 'ACTIVE',
    "startOn" DATE NOT NULL,
    "endOn" DATE,
    "endedReason" TEXT,
    "proposedById" INTEGER NOT NULL,
    "confirmedById" INTEGER,
    "confirmedAt" TIMESTAMP(3),
    "remindedQuarter" TEXT,
    "formMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrgPairing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgPairingContact" (
    "id" SERIAL NOT NULL,
    "pairingId" INTEGER NOT NULL,
    "side" TEXT NOT NULL,
    "personId" INTEGER,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "duty" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrgPairingContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrgPairingActivity" (
    "id" SERIAL NOT NULL,
    "pairingId" INTEGER NOT NULL,
    "orgId" INTEGER NOT NULL,
    "heldOn" DATE NOT NULL,
    "content" TEXT NOT NULL,
    "participants" INTEGER,
    "recordedById" INTEGER NOT NULL,
    "formMessageId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrgPairingActivity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Escalation_toOrgId_status_idx" ON "Escalation"("toOrgId", "status");

-- CreateIndex
CREATE INDEX "Escalation_fromOrgId_raisedAt_idx" ON "Escalation"("fromOrgId", "raisedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_subjectType_subjectId_toOrgId_key" ON "Escalation"("subjectType", "subjectId", "toOrgId");

-- CreateIndex
CREATE UNIQUE INDEX "PeerTalk_formMessageId_key" ON "PeerTalk"("formMessageId");

-- CreateIndex
CREATE INDEX "PeerTalk_orgId_heldOn_idx" ON "PeerTalk"("orgId", "heldOn");

-- CreateIndex
CREATE INDEX "PeerTalk_recordedById_heldOn_idx" ON "PeerTalk"("recordedById", "heldOn");

-- CreateIndex
CREATE INDEX "PeerTalk_peerId_heldOn_idx" ON "PeerTalk"("peerId", "heldOn");

-- CreateIndex
CREATE UNIQUE INDEX "Suggestion_number_key" ON "Suggestion"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Suggestion_formKey_key" ON "Suggestion"("formKey");

-- CreateIndex
CREATE INDEX "Suggestion_orgId_status_idx" ON "Suggestion"("orgId", "status");

-- CreateIndex
CREATE INDEX "Suggestion_authorId_createdAt_idx" ON "Suggestion"("authorId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OrgPairing_formMessageId_key" ON "OrgPairing"("formMessageId");

-- CreateIndex
CREATE INDEX "OrgPairing_orgId_status_idx" ON "OrgPairing"("orgId", "status");

-- CreateIndex
CREATE INDEX "OrgPairing_partnerOrgId_status_idx" ON "OrgPairing"("partnerOrgId", "status");

-- CreateIndex
CREATE INDEX "OrgPairingContact_pairingId_idx" ON "OrgPairingContact"("pairingId");

-- CreateIndex
CREATE UNIQUE INDEX "OrgPairingActivity_formMessageId_key" ON "OrgPairingActivity"("formMessageId");

-- CreateIndex
CREATE INDEX "OrgPairingActivity_pairingId_heldOn_idx" ON "OrgPairingActivity"("pairingId", "heldOn");

-- AddForeignKey
ALTER TABLE "OrgPairingContact" ADD CONSTRAINT "OrgPairingContact_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "OrgPairing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgPairingActivity" ADD CONSTRAINT "OrgPairingActivity_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "OrgPairing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: rules the schema language cannot say.
-- An anonymous suggestion names nobody; a named one has no sealed address (the author is known).
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_anonymous_names_nobody" CHECK (("anonymous" AND "authorId" IS NULL) OR (NOT "anonymous" AND "authorId" IS NOT NULL AND "replyTo" IS NULL));
-- A talk between members is between two people.
ALTER TABLE "PeerTalk" ADD CONSTRAINT "PeerTalk_two_people" CHECK ("recordedById" <> "peerId");
-- A pairing has exactly one partner: an organisation in the system or an outside unit by name.
ALTER TABLE "OrgPairing" ADD CONSTRAINT "OrgPairing_one_partner" CHECK (("partnerOrgId" IS NULL) <> ("partnerName" IS NULL) AND ("partnerOrgId" IS NULL OR "partnerOrgId" <> "orgId"));
-- One live pairing between the same two organisations (either way round).
CREATE UNIQUE INDEX "OrgPairing_one_live_per_pair" ON "OrgPairing" (LEAST("orgId", "partnerOrgId"), GREATEST("orgId", "partnerOrgId")) WHERE "partnerOrgId" IS NOT NULL AND "status" IN ('PROPOSED', 'ACTIVE');
ALTER TABLE "OrgPairingActivity" ADD CONSTRAINT "OrgPairingActivity_participants_positive" CHECK ("participants" IS NULL OR "participants" > 0);
