-- CreateTable
CREATE TABLE "ItemReport" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "factIdsJson" TEXT NOT NULL,
    "itemText" TEXT NOT NULL,
    "attemptId" TEXT,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ItemReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HiddenFact" (
    "classId" TEXT NOT NULL,
    "factId" TEXT NOT NULL,
    "hiddenBy" TEXT NOT NULL,
    "hiddenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HiddenFact_pkey" PRIMARY KEY ("classId","factId")
);

-- CreateIndex
CREATE INDEX "ItemReport_kind_itemId_idx" ON "ItemReport"("kind", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "ItemReport_userId_kind_itemId_key" ON "ItemReport"("userId", "kind", "itemId");

-- AddForeignKey
ALTER TABLE "ItemReport" ADD CONSTRAINT "ItemReport_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiddenFact" ADD CONSTRAINT "HiddenFact_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;
