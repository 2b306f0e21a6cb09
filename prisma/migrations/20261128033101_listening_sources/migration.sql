-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "ImportRun_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ImportRun_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IngestReceipt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mentions" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "IngestReceipt_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IngestReceipt_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Keyword" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "productId" TEXT,
    "variantId" TEXT,
    "language" TEXT NOT NULL DEFAULT 'en',
    "exclusions" JSONB,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "suggested" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Keyword_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Keyword_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Keyword_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Keyword" ("createdAt", "exclusions", "id", "kind", "language", "productId", "shopId", "term") SELECT "createdAt", "exclusions", "id", "kind", "language", "productId", "shopId", "term" FROM "Keyword";
DROP TABLE "Keyword";
ALTER TABLE "new_Keyword" RENAME TO "Keyword";
CREATE UNIQUE INDEX "Keyword_shopId_term_key" ON "Keyword"("shopId", "term");
CREATE TABLE "new_Mention" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "authorHash" TEXT NOT NULL,
    "authorDisplay" TEXT,
    "authorReachFollowers" INTEGER NOT NULL DEFAULT 0,
    "authorAccountAgeDays" INTEGER,
    "language" TEXT,
    "countryCode" TEXT,
    "region" TEXT,
    "text" TEXT NOT NULL,
    "url" TEXT,
    "postedAt" DATETIME NOT NULL,
    "productId" TEXT,
    "variantId" TEXT,
    "matchConfidence" REAL,
    "isCompetitor" BOOLEAN NOT NULL DEFAULT false,
    "matchKind" TEXT NOT NULL DEFAULT 'unmatched',
    "matchedKeywordIds" JSONB,
    "rating" INTEGER,
    "title" TEXT,
    "verifiedBuyer" BOOLEAN,
    "duplicateOfId" TEXT,
    "textFingerprint" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Mention_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mention_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mention_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Mention_variantId_fkey" FOREIGN KEY ("variantId") REFERENCES "Variant" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Mention" ("authorAccountAgeDays", "authorDisplay", "authorHash", "authorReachFollowers", "countryCode", "createdAt", "duplicateOfId", "externalId", "id", "isCompetitor", "language", "matchConfidence", "platform", "postedAt", "productId", "region", "shopId", "sourceId", "text", "url", "variantId") SELECT "authorAccountAgeDays", "authorDisplay", "authorHash", "authorReachFollowers", "countryCode", "createdAt", "duplicateOfId", "externalId", "id", "isCompetitor", "language", "matchConfidence", "platform", "postedAt", "productId", "region", "shopId", "sourceId", "text", "url", "variantId" FROM "Mention";
DROP TABLE "Mention";
ALTER TABLE "new_Mention" RENAME TO "Mention";
CREATE INDEX "Mention_shopId_postedAt_idx" ON "Mention"("shopId", "postedAt");
CREATE INDEX "Mention_shopId_productId_postedAt_idx" ON "Mention"("shopId", "productId", "postedAt");
CREATE INDEX "Mention_shopId_textFingerprint_idx" ON "Mention"("shopId", "textFingerprint");
CREATE INDEX "Mention_shopId_createdAt_idx" ON "Mention"("shopId", "createdAt");
CREATE UNIQUE INDEX "Mention_shopId_sourceId_externalId_key" ON "Mention"("shopId", "sourceId", "externalId");
CREATE TABLE "new_Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shopId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "statusReason" TEXT,
    "credentialsEncrypted" TEXT,
    "config" JSONB,
    "cursor" JSONB,
    "backfillDays" INTEGER NOT NULL DEFAULT 90,
    "pollEveryMinutes" INTEGER NOT NULL DEFAULT 60,
    "nextRunAt" DATETIME,
    "lastRunAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "lastError" TEXT,
    "lastCounts" JSONB,
    "quota" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Source_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Source" ("createdAt", "credentialsEncrypted", "cursor", "id", "kind", "lastCounts", "lastError", "lastRunAt", "lastSuccessAt", "name", "shopId", "status", "updatedAt") SELECT "createdAt", "credentialsEncrypted", "cursor", "id", "kind", "lastCounts", "lastError", "lastRunAt", "lastSuccessAt", "name", "shopId", "status", "updatedAt" FROM "Source";
DROP TABLE "Source";
ALTER TABLE "new_Source" RENAME TO "Source";
CREATE INDEX "Source_shopId_idx" ON "Source"("shopId");
CREATE INDEX "Source_status_nextRunAt_idx" ON "Source"("status", "nextRunAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ImportRun_shopId_startedAt_idx" ON "ImportRun"("shopId", "startedAt");

-- CreateIndex
CREATE INDEX "IngestReceipt_receivedAt_idx" ON "IngestReceipt"("receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "IngestReceipt_sourceId_digest_key" ON "IngestReceipt"("sourceId", "digest");
