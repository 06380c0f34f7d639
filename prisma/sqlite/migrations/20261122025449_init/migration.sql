-- CreateTable
CREATE TABLE "Source" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "outlet" TEXT NOT NULL,
    "via" TEXT,
    "headline" TEXT NOT NULL,
    "datePrinted" TEXT NOT NULL,
    "publishedDate" TEXT NOT NULL,
    "publishedPrecision" TEXT NOT NULL,
    "publishedInferred" BOOLEAN NOT NULL DEFAULT false,
    "publishedReason" TEXT,
    "dateline" TEXT,
    "removedJson" TEXT NOT NULL DEFAULT '[]',
    "body" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Entity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliasesJson" TEXT NOT NULL DEFAULT '[]',
    "category" TEXT,
    "rolesJson" TEXT NOT NULL DEFAULT '[]',
    "partOf" TEXT,
    "contentHash" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Fact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "statement" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "whenDate" TEXT,
    "whenPrecision" TEXT,
    "whenInferred" BOOLEAN NOT NULL DEFAULT false,
    "sortKey" TEXT NOT NULL,
    "contested" BOOLEAN NOT NULL DEFAULT false,
    "attributed" BOOLEAN NOT NULL DEFAULT false,
    "dataJson" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "FactSource" (
    "factId" TEXT NOT NULL,
    "sourceSlug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    PRIMARY KEY ("factId", "position"),
    CONSTRAINT "FactSource_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FactSource_sourceSlug_fkey" FOREIGN KEY ("sourceSlug") REFERENCES "Source" ("slug") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Card" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "factId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "front" TEXT NOT NULL,
    "back" TEXT NOT NULL,
    "sourceSlug" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Card_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Deck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "DeckCard" (
    "deckId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("deckId", "cardId"),
    CONSTRAINT "DeckCard_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DeckCard_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CorpusVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "hash" TEXT NOT NULL,
    "facts" INTEGER NOT NULL,
    "sources" INTEGER NOT NULL,
    "cards" INTEGER NOT NULL,
    "loadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Entity_type_idx" ON "Entity"("type");

-- CreateIndex
CREATE INDEX "Fact_sortKey_idx" ON "Fact"("sortKey");

-- CreateIndex
CREATE INDEX "FactSource_sourceSlug_idx" ON "FactSource"("sourceSlug");

-- CreateIndex
CREATE INDEX "Card_factId_idx" ON "Card"("factId");

-- CreateIndex
CREATE INDEX "DeckCard_cardId_idx" ON "DeckCard"("cardId");

-- CreateIndex
CREATE UNIQUE INDEX "CorpusVersion_hash_key" ON "CorpusVersion"("hash");
