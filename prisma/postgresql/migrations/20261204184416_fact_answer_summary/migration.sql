-- CreateTable
CREATE TABLE "FactAnswerSummary" (
    "userId" TEXT NOT NULL,
    "factId" TEXT NOT NULL,
    "answers" INTEGER NOT NULL,
    "correct" INTEGER NOT NULL,
    "lastKey" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "FactAnswerSummary_pkey" PRIMARY KEY ("userId","factId")
);

-- AddForeignKey
ALTER TABLE "FactAnswerSummary" ADD CONSTRAINT "FactAnswerSummary_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand (the Prisma models cannot say it): FactAnswerSummary is kept by
-- the database. Each (attempt, question, fact) once, from the snapshot of the attempt:
-- `lastKey` is the answer time in ms × 2, + 1 when incorrect (the tie rule of
-- lib/reports factKnowledge). lib/data report-reads reads it, and the integration
-- tests (fact-answer-summary) check the fill below and the trigger against
-- every answer, on both providers.

-- Fill: every answer stored before this migration.
INSERT INTO "FactAnswerSummary" ("userId", "factId", "answers", "correct", "lastKey")
SELECT qf."userId", qf."factId", COUNT(*), SUM(CASE WHEN a."correct" THEN 1 ELSE 0 END),
       MAX(round(date_part('epoch', a."answeredAt") * 1000) * 2 + CASE WHEN a."correct" THEN 0 ELSE 1 END)
FROM (
  SELECT DISTINCT t."id" AS "attemptId", t."userId" AS "userId", q.question ->> 'id' AS "questionId", f.fact AS "factId"
  FROM "QuizAttempt" t
  CROSS JOIN LATERAL jsonb_array_elements(t."snapshotJson"::jsonb -> 'questions') q(question)
  CROSS JOIN LATERAL jsonb_array_elements_text(q.question -> 'factIds') f(fact)
) qf
JOIN "QuizAnswer" a ON a."attemptId" = qf."attemptId" AND a."questionId" = qf."questionId"
GROUP BY qf."userId", qf."factId";

-- Keep: every answer from now on, in the transaction that stores it. The rows
-- are upserted in fact order, so two transactions never lock them crosswise.
-- @prisma/adapter-pg applies a migration by cutting it at every semicolon (even
-- one inside a function body or a comment), so the semicolons of the body are
-- written as the escape \073 of an E string, and its quotes doubled.
CREATE FUNCTION "QuizAnswer_factAnswerSummary"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "FactAnswerSummary" ("userId", "factId", "answers", "correct", "lastKey")
  SELECT t."userId", f.fact, 1, CASE WHEN NEW."correct" THEN 1 ELSE 0 END,
         round(date_part(''epoch'', NEW."answeredAt") * 1000) * 2 + CASE WHEN NEW."correct" THEN 0 ELSE 1 END
  FROM "QuizAttempt" t
  CROSS JOIN LATERAL jsonb_array_elements(t."snapshotJson"::jsonb -> ''questions'') q(question)
  CROSS JOIN LATERAL jsonb_array_elements_text(q.question -> ''factIds'') f(fact)
  WHERE t."id" = NEW."attemptId" AND q.question ->> ''id'' = NEW."questionId"
  GROUP BY t."userId", f.fact
  ORDER BY f.fact
  ON CONFLICT ("userId", "factId") DO UPDATE SET
    "answers" = "FactAnswerSummary"."answers" + 1,
    "correct" = "FactAnswerSummary"."correct" + EXCLUDED."correct",
    "lastKey" = GREATEST("FactAnswerSummary"."lastKey", EXCLUDED."lastKey")\073
  RETURN NULL\073
END';


CREATE TRIGGER "QuizAnswer_factAnswerSummary" AFTER INSERT ON "QuizAnswer"
FOR EACH ROW EXECUTE FUNCTION "QuizAnswer_factAnswerSummary"();
