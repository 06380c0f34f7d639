-- CreateTable
CREATE TABLE "StudyExtra" (
    "userId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "studyDay" TEXT NOT NULL,
    "extraNew" INTEGER NOT NULL DEFAULT 0,
    "aheadDays" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "deckId", "studyDay"),
    CONSTRAINT "StudyExtra_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudyExtra_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "StudyExtra_deckId_idx" ON "StudyExtra"("deckId");
