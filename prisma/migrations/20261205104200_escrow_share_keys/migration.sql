-- AlterTable
ALTER TABLE "escrow_share" ADD COLUMN     "inner_public_key" TEXT,
ADD COLUMN     "outer_public_key" TEXT;
