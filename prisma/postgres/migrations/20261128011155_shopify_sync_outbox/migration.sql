-- AlterTable
ALTER TABLE "WriteOutbox" ADD COLUMN     "batchKey" TEXT,
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "OrderLineSale" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "shopifyOrderId" TEXT NOT NULL,
    "shopifyLineItemId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "unitsSold" INTEGER NOT NULL,
    "unitsRefunded" INTEGER NOT NULL,
    "revenueMinor" INTEGER NOT NULL,
    "orderUpdatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderLineSale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "trigger" TEXT NOT NULL DEFAULT 'manual',
    "status" TEXT NOT NULL DEFAULT 'running',
    "bulkOperationId" TEXT,
    "objectsDone" INTEGER NOT NULL DEFAULT 0,
    "objectsTotal" INTEGER,
    "skippedLines" INTEGER NOT NULL DEFAULT 0,
    "windowStartDay" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importStartedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "details" JSONB,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrderLineSale_shopId_shopifyOrderId_idx" ON "OrderLineSale"("shopId", "shopifyOrderId");

-- CreateIndex
CREATE INDEX "OrderLineSale_shopId_day_idx" ON "OrderLineSale"("shopId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "OrderLineSale_shopId_shopifyLineItemId_key" ON "OrderLineSale"("shopId", "shopifyLineItemId");

-- CreateIndex
CREATE INDEX "SyncRun_shopId_kind_startedAt_idx" ON "SyncRun"("shopId", "kind", "startedAt");

-- CreateIndex
CREATE INDEX "SyncRun_bulkOperationId_idx" ON "SyncRun"("bulkOperationId");

-- CreateIndex
CREATE INDEX "WriteOutbox_batchKey_idx" ON "WriteOutbox"("batchKey");

-- AddForeignKey
ALTER TABLE "OrderLineSale" ADD CONSTRAINT "OrderLineSale_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLineSale" ADD CONSTRAINT "OrderLineSale_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLineSale" ADD CONSTRAINT "OrderLineSale_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncRun" ADD CONSTRAINT "SyncRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
