-- AlterTable
ALTER TABLE "ClassMember" ADD COLUMN     "leftAt" TIMESTAMP(3);
