-- AlterTable
ALTER TABLE "receipt" ADD COLUMN     "certificate" TEXT,
ADD COLUMN     "seal_signature" TEXT,
ADD COLUMN     "sealed_by" UUID,
ADD COLUMN     "sealed_thread_key" TEXT,
ADD COLUMN     "sealer_certificate" TEXT,
ALTER COLUMN "wrapped_thread_key" DROP NOT NULL;

-- CreateTable
CREATE TABLE "rekey_job" (
    "id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "revoked_staff_id" UUID,
    "requested_by" UUID NOT NULL,
    "cases_total" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "rekey_job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rekey_job_case" (
    "job_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,

    CONSTRAINT "rekey_job_case_pkey" PRIMARY KEY ("job_id","case_id")
);

-- AddForeignKey
ALTER TABLE "rekey_job_case" ADD CONSTRAINT "rekey_job_case_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "rekey_job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rekey_job_case" ADD CONSTRAINT "rekey_job_case_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "protection_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;
