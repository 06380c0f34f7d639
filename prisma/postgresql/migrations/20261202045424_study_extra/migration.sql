-- CreateTable
CREATE TABLE "StudyExtra" (
    "userId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "studyDay" TEXT NOT NULL,
    "extraNew" INTEGER NOT NULL DEFAULT 0,
    "aheadDays" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StudyExtra_pkey" PRIMARY KEY ("userId","deckId","studyDay")
);

-- CreateIndex
CREATE INDEX "StudyExtra_deckId_idx" ON "StudyExtra"("deckId");

-- AddForeignKey
ALTER TABLE "StudyExtra" ADD CONSTRAINT "StudyExtra_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyExtra" ADD CONSTRAINT "StudyExtra_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;
