-- CreateTable
CREATE TABLE "FactAnswerSummary" (
    "userId" TEXT NOT NULL,
    "factId" TEXT NOT NULL,
    "answers" INTEGER NOT NULL,
    "correct" INTEGER NOT NULL,
    "lastKey" REAL NOT NULL,

    PRIMARY KEY ("userId", "factId"),
    CONSTRAINT "FactAnswerSummary_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Written by hand (the Prisma models cannot say it): FactAnswerSummary is kept by
-- the database. Each (attempt, question, fact) once, from the snapshot of the attempt:
-- `lastKey` is the answer time in ms × 2, + 1 when incorrect (the tie rule of
-- lib/reports factKnowledge). lib/data report-reads reads it, and the integration
-- tests (fact-answer-summary) check the fill below and the trigger against
-- every answer, on both providers.

-- Fill: every answer stored before this migration.
INSERT INTO "FactAnswerSummary" ("userId", "factId", "answers", "correct", "lastKey")
SELECT qf."userId", qf."factId", COUNT(*), SUM(CASE WHEN a."correct" THEN 1 ELSE 0 END),
       MAX(round((julianday(a."answeredAt") - 2440587.5) * 86400000) * 2 + CASE WHEN a."correct" THEN 0 ELSE 1 END)
FROM (
  SELECT DISTINCT t."id" AS "attemptId", t."userId" AS "userId", json_extract(q.value, '$.id') AS "questionId", f.value AS "factId"
  FROM "QuizAttempt" t, json_each(t."snapshotJson", '$.questions') q, json_each(q.value, '$.factIds') f
) qf
JOIN "QuizAnswer" a ON a."attemptId" = qf."attemptId" AND a."questionId" = qf."questionId"
GROUP BY qf."userId", qf."factId";

-- Keep: every answer from now on, in the transaction that stores it.
CREATE TRIGGER "QuizAnswer_factAnswerSummary" AFTER INSERT ON "QuizAnswer"
BEGIN
  INSERT INTO "FactAnswerSummary" ("userId", "factId", "answers", "correct", "lastKey")
  SELECT t."userId", f.value, 1, CASE WHEN NEW."correct" THEN 1 ELSE 0 END,
         round((julianday(NEW."answeredAt") - 2440587.5) * 86400000) * 2 + CASE WHEN NEW."correct" THEN 0 ELSE 1 END
  FROM "QuizAttempt" t, json_each(t."snapshotJson", '$.questions') q, json_each(q.value, '$.factIds') f
  WHERE t."id" = NEW."attemptId" AND json_extract(q.value, '$.id') = NEW."questionId"
  GROUP BY f.value
  ORDER BY f.value
  ON CONFLICT ("userId", "factId") DO UPDATE SET
    "answers" = "answers" + 1,
    "correct" = "correct" + excluded."correct",
    "lastKey" = max("lastKey", excluded."lastKey");
END;
