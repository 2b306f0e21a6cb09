-- AlterTable
ALTER TABLE "Job" ADD COLUMN     "shopId" TEXT;

-- Backfill: jobs queued before this migration carry their shop only in the payload (same rule as
-- shopIdOfPayload: a non-empty string shopId), so uninstall and shop/redact find them too.
UPDATE "Job" SET "shopId" = "payload"->>'shopId'
WHERE jsonb_typeof("payload"->'shopId') = 'string' AND "payload"->>'shopId' <> '';

-- CreateIndex
CREATE INDEX "Job_shopId_status_idx" ON "Job"("shopId", "status");
