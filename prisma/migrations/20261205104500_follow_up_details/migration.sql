-- AlterTable
ALTER TABLE "protection_case" ADD COLUMN     "details_key" TEXT,
ADD COLUMN     "details_key_signature" TEXT,
ADD COLUMN     "details_pending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "details_public_key" TEXT;
