-- AlterTable
ALTER TABLE "protection_case" ADD COLUMN     "closed_at" TIMESTAMP(3),
ADD COLUMN     "legal_hold" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "retention_decision" (
    "case_id" UUID NOT NULL,
    "extended_until" TIMESTAMP(3),
    "extension_reason" TEXT,
    "extended_by" UUID,
    "purge_confirmed_by" UUID,
    "purge_confirmed_at" TIMESTAMP(3),
    "purge_confirmed_revision" INTEGER,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "retention_decision_pkey" PRIMARY KEY ("case_id")
);

-- ---------------------------------------------------------------------------
-- Hand-written: purges VACUUM the tables that held the case (SECURITY.md,
-- crypto-shredding), and VACUUM needs the owner or, from PostgreSQL 17, the
-- MAINTAIN privilege. Older servers skip the grant; the operator vacuums.
DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 170000 THEN
    EXECUTE 'GRANT MAINTAIN ON TABLE "protection_case", "case_key_grant", "receipt", "case_message", "case_file", '
      || '"file_chunk", "upload_session", "upload_piece", "case_entry", "case_draft", "alert", "alert_delivery", '
      || '"follow_up_session", "retention_decision" TO portal_app';
  END IF;
END
$$;
