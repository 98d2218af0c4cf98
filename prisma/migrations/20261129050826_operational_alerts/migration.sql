-- AlterEnum
ALTER TYPE "alert_kind" ADD VALUE 'operational';

-- AlterTable
ALTER TABLE "alert" ADD COLUMN     "topic" TEXT;
