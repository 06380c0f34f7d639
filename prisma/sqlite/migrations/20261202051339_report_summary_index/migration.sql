-- DropIndex
DROP INDEX "ReviewLog_userId_cardId_idx";

-- CreateIndex
CREATE INDEX "ReviewLog_userId_cardId_undoneAt_reviewedAt_durationMs_idx" ON "ReviewLog"("userId", "cardId", "undoneAt", "reviewedAt", "durationMs");
