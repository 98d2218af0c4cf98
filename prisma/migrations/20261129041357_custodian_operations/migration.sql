-- CreateTable
CREATE TABLE "custodian_operation" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "target_user_id" UUID,
    "case_id" UUID,
    "escrow_key_id" UUID NOT NULL,
    "requested_by" UUID NOT NULL,
    "requested_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "intermediates" JSONB NOT NULL DEFAULT '[]',
    "completed_by" UUID,
    "completed_at" TIMESTAMP(3),

    CONSTRAINT "custodian_operation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "custodian_operation_expires_at_idx" ON "custodian_operation"("expires_at");
