-- CreateTable
CREATE TABLE "OrderLineSale" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "shopifyOrderId" TEXT NOT NULL,
    "shopifyLineItemId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "unitsSold" INTEGER NOT NULL,
    "unitsRefunded" INTEGER NOT NULL,
    "revenueMinor" INTEGER NOT NULL,
    "orderUpdatedAt" DATETIME NOT NULL,
    CONSTRAINT "OrderLineSale_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrderLineSale_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OrderLineSale_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "trigger" TEXT NOT NULL DEFAULT 'manual',
    "status" TEXT NOT NULL DEFAULT 'running',
    "bulkOperationId" TEXT,
    "objectsDone" INTEGER NOT NULL DEFAULT 0,
    "objectsTotal" INTEGER,
    "skippedLines" INTEGER NOT NULL DEFAULT 0,
    "windowStartDay" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "importStartedAt" DATETIME,
    "finishedAt" DATETIME,
    "lastError" TEXT,
    "details" JSONB,
    CONSTRAINT "SyncRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_WriteOutbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "recommendationId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "batchKey" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "availableAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WriteOutbox_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WriteOutbox_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_WriteOutbox" ("attempts", "availableAt", "createdAt", "id", "lastError", "operation", "payload", "recommendationId", "sentAt", "shopId", "status") SELECT "attempts", "availableAt", "createdAt", "id", "lastError", "operation", "payload", "recommendationId", "sentAt", "shopId", "status" FROM "WriteOutbox";
DROP TABLE "WriteOutbox";
ALTER TABLE "new_WriteOutbox" RENAME TO "WriteOutbox";
CREATE UNIQUE INDEX "WriteOutbox_recommendationId_key" ON "WriteOutbox"("recommendationId");
CREATE INDEX "WriteOutbox_status_availableAt_idx" ON "WriteOutbox"("status", "availableAt");
CREATE INDEX "WriteOutbox_batchKey_idx" ON "WriteOutbox"("batchKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
