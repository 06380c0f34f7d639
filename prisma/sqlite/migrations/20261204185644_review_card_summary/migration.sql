-- CreateTable
CREATE TABLE "ReviewCardSummary" (
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "reviews" INTEGER NOT NULL,
    "firstAt" DATETIME NOT NULL,
    "lastAt" DATETIME NOT NULL,
    "spentMs" INTEGER NOT NULL,
    "minDurationMs" INTEGER NOT NULL,

    PRIMARY KEY ("userId", "cardId"),
    CONSTRAINT "ReviewCardSummary_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Written by hand (the Prisma models cannot say it): ReviewCardSummary is kept by
-- the database, from the reviews that stand (undoneAt NULL), per (student, card):
-- their number, the first and the last, the time on them with each review capped
-- at 60 000 ms (lib/reports MAX_REVIEW_MS), and the smallest duration. lib/data
-- report-reads reads it, and the integration tests (review-card-summary) check the
-- fill below and the triggers against every review, on both providers.

-- Fill: every review stored before this migration.
INSERT INTO "ReviewCardSummary" ("userId", "cardId", "reviews", "firstAt", "lastAt", "spentMs", "minDurationMs")
SELECT "userId", "cardId", COUNT(*), MIN("reviewedAt"), MAX("reviewedAt"), SUM(min("durationMs", 60000)), MIN("durationMs")
FROM "ReviewLog"
WHERE "undoneAt" IS NULL
GROUP BY "userId", "cardId";

-- Keep: a new review is added to its card row, in the transaction that stores it.
CREATE TRIGGER "ReviewLog_summary_insert" AFTER INSERT ON "ReviewLog" WHEN NEW."undoneAt" IS NULL
BEGIN
  INSERT INTO "ReviewCardSummary" ("userId", "cardId", "reviews", "firstAt", "lastAt", "spentMs", "minDurationMs")
  VALUES (NEW."userId", NEW."cardId", 1, NEW."reviewedAt", NEW."reviewedAt", min(NEW."durationMs", 60000), NEW."durationMs")
  ON CONFLICT ("userId", "cardId") DO UPDATE SET
    "reviews" = "reviews" + 1,
    "firstAt" = min("firstAt", excluded."firstAt"),
    "lastAt" = max("lastAt", excluded."lastAt"),
    "spentMs" = "spentMs" + excluded."spentMs",
    "minDurationMs" = min("minDurationMs", excluded."minDurationMs");
END;

-- Keep: a review undone (or its undo cleared) recounts its card row from the reviews that stand
-- (an upsert, so two recounts of one card at once both end in the count of what stands).
CREATE TRIGGER "ReviewLog_summary_undo" AFTER UPDATE OF "undoneAt" ON "ReviewLog" WHEN OLD."undoneAt" IS NOT NEW."undoneAt"
BEGIN
  DELETE FROM "ReviewCardSummary" WHERE "userId" = NEW."userId" AND "cardId" = NEW."cardId";
  INSERT INTO "ReviewCardSummary" ("userId", "cardId", "reviews", "firstAt", "lastAt", "spentMs", "minDurationMs")
  SELECT "userId", "cardId", COUNT(*), MIN("reviewedAt"), MAX("reviewedAt"), SUM(min("durationMs", 60000)), MIN("durationMs")
  FROM "ReviewLog"
  WHERE "userId" = NEW."userId" AND "cardId" = NEW."cardId" AND "undoneAt" IS NULL
  GROUP BY "userId", "cardId"
  ON CONFLICT ("userId", "cardId") DO UPDATE SET
    "reviews" = excluded."reviews", "firstAt" = excluded."firstAt", "lastAt" = excluded."lastAt",
    "spentMs" = excluded."spentMs", "minDurationMs" = excluded."minDurationMs";
END;
