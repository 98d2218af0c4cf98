-- AlterTable
ALTER TABLE "alert" ADD COLUMN     "junk_at" TIMESTAMP(3),
ADD COLUMN     "junk_by" UUID;

-- AlterTable
ALTER TABLE "alert_delivery" ADD COLUMN     "folded_at" TIMESTAMP(3);
