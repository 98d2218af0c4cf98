-- AlterTable
ALTER TABLE "partner" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "signature" TEXT NOT NULL DEFAULT '';
