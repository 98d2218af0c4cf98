-- AlterTable
ALTER TABLE "protection_case" ADD COLUMN     "reference" TEXT NOT NULL;

-- Hand-edited: a rename, not a drop and add (one concern: urgency, place, incidents, help asked, consent).
ALTER TABLE "protection_case" RENAME COLUMN "incidents" TO "situation";

-- CreateTable
CREATE TABLE "intake_replay" (
    "lookup_id" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "intake_replay_pkey" PRIMARY KEY ("lookup_id")
);

-- CreateTable
CREATE TABLE "follow_up_session" (
    "id_hash" TEXT NOT NULL,
    "case_id" UUID NOT NULL,
    "receipt_id" UUID NOT NULL,
    "wrapped_thread_key" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "follow_up_session_pkey" PRIMARY KEY ("id_hash")
);

-- CreateIndex
CREATE INDEX "intake_replay_expires_at_idx" ON "intake_replay"("expires_at");

-- CreateIndex
CREATE INDEX "follow_up_session_expires_at_idx" ON "follow_up_session"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "protection_case_reference_key" ON "protection_case"("reference");
