-- AlterTable
ALTER TABLE "AidRequest" ADD COLUMN     "formMessageId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "AidRequest_formMessageId_key" ON "AidRequest"("formMessageId");
