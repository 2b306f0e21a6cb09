-- AlterTable
ALTER TABLE "Job" ADD COLUMN "shopId" TEXT;

-- Backfill: jobs queued before this migration carry their shop only in the payload (same rule as
-- shopIdOfPayload: a non-empty string shopId), so uninstall and shop/redact find them too.
UPDATE "Job" SET "shopId" = json_extract("payload", '$.shopId')
WHERE json_type("payload", '$.shopId') = 'text' AND json_extract("payload", '$.shopId') <> '';

-- CreateIndex
CREATE INDEX "Job_shopId_status_idx" ON "Job"("shopId", "status");
