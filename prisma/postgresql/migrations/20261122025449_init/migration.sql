-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Source" (
    "slug" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "Entity" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliasesJson" TEXT NOT NULL DEFAULT '[]',
    "category" TEXT,
    "rolesJson" TEXT NOT NULL DEFAULT '[]',
    "partOf" TEXT,
    "contentHash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Entity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fact" (
    "id" TEXT NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Fact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FactSource" (
    "factId" TEXT NOT NULL,
    "sourceSlug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,

    CONSTRAINT "FactSource_pkey" PRIMARY KEY ("factId","position")
);

-- CreateTable
CREATE TABLE "Card" (
    "id" TEXT NOT NULL,
    "factId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "front" TEXT NOT NULL,
    "back" TEXT NOT NULL,
    "sourceSlug" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Card_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deck" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeckCard" (
    "deckId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "DeckCard_pkey" PRIMARY KEY ("deckId","cardId")
);

-- CreateTable
CREATE TABLE "CorpusVersion" (
    "id" SERIAL NOT NULL,
    "hash" TEXT NOT NULL,
    "facts" INTEGER NOT NULL,
    "sources" INTEGER NOT NULL,
    "cards" INTEGER NOT NULL,
    "loadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CorpusVersion_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "FactSource" ADD CONSTRAINT "FactSource_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactSource" ADD CONSTRAINT "FactSource_sourceSlug_fkey" FOREIGN KEY ("sourceSlug") REFERENCES "Source"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Card" ADD CONSTRAINT "Card_factId_fkey" FOREIGN KEY ("factId") REFERENCES "Fact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeckCard" ADD CONSTRAINT "DeckCard_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeckCard" ADD CONSTRAINT "DeckCard_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;
