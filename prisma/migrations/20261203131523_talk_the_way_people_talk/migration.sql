-- CreateEnum
CREATE TYPE "Language" AS ENUM ('ZH', 'EN');

-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('IMAGE', 'FILE');

-- CreateEnum
CREATE TYPE "AttachmentStatus" AS ENUM ('PENDING', 'KEPT', 'REFUSED');

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "language" "Language" NOT NULL DEFAULT 'ZH';

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "lang" "Language";

-- AlterTable
ALTER TABLE "AidRequest" ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "remindedAt" TIMESTAMP(3),
ADD COLUMN     "urgedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "TrainingApplication" ADD COLUMN     "number" TEXT;

-- AlterTable
ALTER TABLE "Commendation" ADD COLUMN     "number" TEXT;

-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "number" TEXT;

-- CreateTable
CREATE TABLE "AidAttachment" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "messageId" TEXT NOT NULL,
    "fileKey" TEXT NOT NULL,
    "kind" "AttachmentKind" NOT NULL,
    "fileName" TEXT,
    "mimeType" TEXT,
    "sizeBytes" INTEGER,
    "bytes" BYTEA,
    "cardImageKey" TEXT,
    "status" "AttachmentStatus" NOT NULL DEFAULT 'PENDING',
    "refusal" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "keptAt" TIMESTAMP(3),

    CONSTRAINT "AidAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AidAttachment_requestId_idx" ON "AidAttachment"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "AidAttachment_messageId_fileKey_key" ON "AidAttachment"("messageId", "fileKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_larkMessageId_idx" ON "OutboxMessage"("larkMessageId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingApplication_number_key" ON "TrainingApplication"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Commendation_number_key" ON "Commendation"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Question_number_key" ON "Question"("number");

-- AddForeignKey
ALTER TABLE "AidAttachment" ADD CONSTRAINT "AidAttachment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AidRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
