-- CreateTable
CREATE TABLE "ReviewCardSummary" (
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "reviews" INTEGER NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "lastAt" TIMESTAMP(3) NOT NULL,
    "spentMs" INTEGER NOT NULL,
    "minDurationMs" INTEGER NOT NULL,

    CONSTRAINT "ReviewCardSummary_pkey" PRIMARY KEY ("userId","cardId")
);

-- AddForeignKey
ALTER TABLE "ReviewCardSummary" ADD CONSTRAINT "ReviewCardSummary_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (the Prisma models cannot say it): ReviewCardSummary is kept by
-- the database, from the reviews that stand (undoneAt NULL), per (student, card):
-- their number, the first and the last, the time on them with each review capped
-- at 60 000 ms (lib/reports MAX_REVIEW_MS), and the smallest duration. lib/data
-- report-reads reads it, and the integration tests (review-card-summary) check the
-- fill below and the triggers against every review, on both providers.
-- @prisma/adapter-pg applies a migration by cutting it at every semicolon, so the
-- semicolons of the function bodies are written as the escape \073 of E strings.

-- Fill: every review stored before this migration.
INSERT INTO "ReviewCardSummary" ("userId", "cardId", "reviews", "firstAt", "lastAt", "spentMs", "minDurationMs")
SELECT "userId", "cardId", COUNT(*), MIN("reviewedAt"), MAX("reviewedAt"), SUM(LEAST("durationMs", 60000)), MIN("durationMs")
FROM "ReviewLog"
WHERE "undoneAt" IS NULL
GROUP BY "userId", "cardId";

-- Keep: a new review is added to its card row, in the transaction that stores it.
CREATE FUNCTION "ReviewLog_summary_insert"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "ReviewCardSummary" ("userId", "cardId", "reviews", "firstAt", "lastAt", "spentMs", "minDurationMs")
  VALUES (NEW."userId", NEW."cardId", 1, NEW."reviewedAt", NEW."reviewedAt", LEAST(NEW."durationMs", 60000), NEW."durationMs")
  ON CONFLICT ("userId", "cardId") DO UPDATE SET
    "reviews" = "ReviewCardSummary"."reviews" + 1,
    "firstAt" = LEAST("ReviewCardSummary"."firstAt", EXCLUDED."firstAt"),
    "lastAt" = GREATEST("ReviewCardSummary"."lastAt", EXCLUDED."lastAt"),
    "spentMs" = "ReviewCardSummary"."spentMs" + EXCLUDED."spentMs",
    "minDurationMs" = LEAST("ReviewCardSummary"."minDurationMs", EXCLUDED."minDurationMs")\073
  RETURN NULL\073
END';

CREATE TRIGGER "ReviewLog_summary_insert" AFTER INSERT ON "ReviewLog"
FOR EACH ROW WHEN (NEW."undoneAt" IS NULL) EXECUTE FUNCTION "ReviewLog_summary_insert"();

-- Keep: a review undone (or its undo cleared) recounts its card row from the reviews that stand
-- (an upsert, so two recounts of one card at once both end in the count of what stands).
CREATE FUNCTION "ReviewLog_summary_undo"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  DELETE FROM "ReviewCardSummary" WHERE "userId" = NEW."userId" AND "cardId" = NEW."cardId"\073
  INSERT INTO "ReviewCardSummary" ("userId", "cardId", "reviews", "firstAt", "lastAt", "spentMs", "minDurationMs")
  SELECT "userId", "cardId", COUNT(*), MIN("reviewedAt"), MAX("reviewedAt"), SUM(LEAST("durationMs", 60000)), MIN("durationMs")
  FROM "ReviewLog"
  WHERE "userId" = NEW."userId" AND "cardId" = NEW."cardId" AND "undoneAt" IS NULL
  GROUP BY "userId", "cardId"
  ON CONFLICT ("userId", "cardId") DO UPDATE SET
    "reviews" = EXCLUDED."reviews", "firstAt" = EXCLUDED."firstAt", "lastAt" = EXCLUDED."lastAt",
    "spentMs" = EXCLUDED."spentMs", "minDurationMs" = EXCLUDED."minDurationMs"\073
  RETURN NULL\073
END';

CREATE TRIGGER "ReviewLog_summary_undo" AFTER UPDATE OF "undoneAt" ON "ReviewLog"
FOR EACH ROW WHEN (OLD."undoneAt" IS DISTINCT FROM NEW."undoneAt") EXECUTE FUNCTION "ReviewLog_summary_undo"();
