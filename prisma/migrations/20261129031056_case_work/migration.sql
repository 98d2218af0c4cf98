-- CreateEnum
CREATE TYPE "alert_kind" AS ENUM ('urgent_request', 'callback_request', 'overdue_case', 'overdue_measure');

-- CreateEnum
CREATE TYPE "alert_channel" AS ENUM ('email', 'webhook');

-- AlterTable
ALTER TABLE "staff_user" ADD COLUMN     "alert_phone" TEXT,
ADD COLUMN     "rota_position" INTEGER;

-- AlterTable
ALTER TABLE "protection_case" ADD COLUMN     "measure_due" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "case_entry" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_draft" (
    "case_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "case_draft_pkey" PRIMARY KEY ("case_id","author_id")
);

-- CreateTable
CREATE TABLE "alert" (
    "id" UUID NOT NULL,
    "kind" "alert_kind" NOT NULL,
    "case_id" UUID,
    "dedupe_key" TEXT NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "escalate_at" TIMESTAMP(3),
    "acknowledged_at" TIMESTAMP(3),
    "acknowledged_by" UUID,

    CONSTRAINT "alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_delivery" (
    "id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "recipient_id" UUID NOT NULL,
    "channel" "alert_channel" NOT NULL,
    "sent_at" TIMESTAMP(3),
    "failed_at" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reference_item" (
    "list" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "label_fr" TEXT NOT NULL,
    "label_en" TEXT NOT NULL,
    "uncertain" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "reference_item_pkey" PRIMARY KEY ("list","code")
);

-- CreateIndex
CREATE UNIQUE INDEX "case_entry_case_id_seq_key" ON "case_entry"("case_id", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "alert_dedupe_key_key" ON "alert"("dedupe_key");

-- CreateIndex
CREATE INDEX "alert_acknowledged_at_escalate_at_idx" ON "alert"("acknowledged_at", "escalate_at");

-- CreateIndex
CREATE INDEX "alert_delivery_alert_id_idx" ON "alert_delivery"("alert_id");

-- CreateIndex
CREATE INDEX "alert_delivery_recipient_id_idx" ON "alert_delivery"("recipient_id");

-- AddForeignKey
ALTER TABLE "case_entry" ADD CONSTRAINT "case_entry_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "protection_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_draft" ADD CONSTRAINT "case_draft_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "protection_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert" ADD CONSTRAINT "alert_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "protection_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_delivery" ADD CONSTRAINT "alert_delivery_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE CASCADE ON UPDATE CASCADE;
