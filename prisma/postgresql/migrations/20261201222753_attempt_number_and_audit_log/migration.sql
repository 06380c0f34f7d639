-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "attemptNumber" INTEGER;

-- Backfill (hand-written): number the attempts already made at each assignment, per student, in start order.
UPDATE "QuizAttempt" SET "attemptNumber" = (
    SELECT COUNT(*) FROM "QuizAttempt" AS q
    WHERE q."assignmentId" = "QuizAttempt"."assignmentId" AND q."userId" = "QuizAttempt"."userId"
      AND (q."startedAt" < "QuizAttempt"."startedAt" OR (q."startedAt" = "QuizAttempt"."startedAt" AND q."id" <= "QuizAttempt"."id"))
) WHERE "assignmentId" IS NOT NULL;

-- CreateTable
CREATE TABLE "ClassAuditEntry" (
    "id" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "targetId" TEXT,
    "targetName" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClassAuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClassAuditEntry_classId_at_idx" ON "ClassAuditEntry"("classId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_assignmentId_userId_attemptNumber_key" ON "QuizAttempt"("assignmentId", "userId", "attemptNumber");

-- AddForeignKey
ALTER TABLE "ClassAuditEntry" ADD CONSTRAINT "ClassAuditEntry_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;
