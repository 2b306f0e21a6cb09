-- AlterTable
ALTER TABLE "Keyword" ADD COLUMN     "active" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "suggested" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "variantId" TEXT;

-- AlterTable
ALTER TABLE "Mention" ADD COLUMN     "matchKind" TEXT NOT NULL DEFAULT 'unmatched',
ADD COLUMN     "matchedKeywordIds" JSONB,
ADD COLUMN     "rating" INTEGER,
ADD COLUMN     "textFingerprint" TEXT,
ADD COLUMN     "title" TEXT,
ADD COLUMN     "verifiedBuyer" BOOLEAN;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "backfillDays" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "config" JSONB,
ADD COLUMN     "nextRunAt" TIMESTAMP(3),
ADD COLUMN     "pollEveryMinutes" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "quota" JSONB,
ADD COLUMN     "statusReason" TEXT;

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "mapping" JSONB,
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "rowsImported" INTEGER NOT NULL DEFAULT 0,
    "rowsDuplicate" INTEGER NOT NULL DEFAULT 0,
    "rowsFailed" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngestReceipt" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mentions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IngestReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportRun_shopId_startedAt_idx" ON "ImportRun"("shopId", "startedAt");

-- CreateIndex
CREATE INDEX "IngestReceipt_receivedAt_idx" ON "IngestReceipt"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "IngestReceipt_sourceId_digest_key" ON "IngestReceipt"("sourceId", "digest");

-- CreateIndex
CREATE INDEX "Mention_shopId_textFingerprint_idx" ON "Mention"("shopId", "textFingerprint");

-- CreateIndex
CREATE INDEX "Mention_shopId_createdAt_idx" ON "Mention"("shopId", "createdAt");

-- CreateIndex
CREATE INDEX "Source_status_nextRunAt_idx" ON "Source"("status", "nextRunAt");

-- AddForeignKey
ALTER TABLE "Keyword" ADD CONSTRAINT "Keyword_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRun" ADD CONSTRAINT "ImportRun_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngestReceipt" ADD CONSTRAINT "IngestReceipt_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngestReceipt" ADD CONSTRAINT "IngestReceipt_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
