-- AlterTable
ALTER TABLE "ClassMember" ADD COLUMN "leftAt" DATETIME;
