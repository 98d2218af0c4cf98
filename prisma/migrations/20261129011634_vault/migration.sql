-- CreateEnum
CREATE TYPE "staff_role" AS ENUM ('caseworker', 'supervisor', 'custodian', 'auditor', 'admin');

-- CreateEnum
CREATE TYPE "case_status" AS ENUM ('received', 'under_assessment', 'measures_in_progress', 'monitoring', 'closed', 'inadmissible');

-- CreateEnum
CREATE TYPE "risk_level" AS ENUM ('unknown', 'ordinary', 'extraordinary', 'extreme');

-- CreateEnum
CREATE TYPE "key_kind" AS ENUM ('case', 'thread');

-- CreateEnum
CREATE TYPE "message_sender" AS ENUM ('defender', 'staff');

-- CreateTable
CREATE TABLE "staff_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "roles" "staff_role"[],
    "on_call" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "password_record" TEXT,
    "totp_secret" TEXT,
    "totp_confirmed" BOOLEAN NOT NULL DEFAULT false,
    "public_key" TEXT,
    "certificate" TEXT,
    "key_epoch" INTEGER NOT NULL DEFAULT 0,
    "wrapped_private_key" TEXT,
    "activation_hash" TEXT,
    "activation_expires" TIMESTAMP(3),
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recovery_code" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "used_at" TIMESTAMP(3),

    CONSTRAINT "recovery_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_session" (
    "id_hash" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "wrapped_private_key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "staff_session_pkey" PRIMARY KEY ("id_hash")
);

-- CreateTable
CREATE TABLE "escrow_key" (
    "id" UUID NOT NULL,
    "public_key" TEXT NOT NULL,
    "certificate" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "escrow_key_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "escrow_share" (
    "id" UUID NOT NULL,
    "escrow_key_id" UUID NOT NULL,
    "inner_user_id" UUID NOT NULL,
    "outer_user_id" UUID NOT NULL,
    "sealed" TEXT NOT NULL,

    CONSTRAINT "escrow_share_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "protection_case" (
    "id" UUID NOT NULL,
    "status" "case_status" NOT NULL DEFAULT 'received',
    "urgent" BOOLEAN NOT NULL,
    "risk_level" "risk_level" NOT NULL DEFAULT 'unknown',
    "received_at" TIMESTAMP(3) NOT NULL,
    "first_contact_due" TIMESTAMP(3),
    "assessment_due" TIMESTAMP(3),
    "next_contact_at" TIMESTAMP(3),
    "assigned_to" UUID,
    "index_mac" TEXT NOT NULL,
    "case_key_id" TEXT NOT NULL,
    "thread_key_id" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "narrative" TEXT NOT NULL,
    "incidents" TEXT NOT NULL,
    "categories" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "manifest_mac" TEXT NOT NULL,
    "thread_mac" TEXT NOT NULL,
    "thread_revision" INTEGER NOT NULL DEFAULT 1,
    "submission_hash" TEXT,

    CONSTRAINT "protection_case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_key_grant" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "key_kind" "key_kind" NOT NULL,
    "recipient_id" UUID,
    "escrow_key_id" UUID,
    "recipient_public_key" TEXT NOT NULL,
    "sealed_key" TEXT NOT NULL,
    "granted_by" UUID,
    "granter_certificate" TEXT,
    "signature" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_key_grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "receipt" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "lookup_id" TEXT NOT NULL,
    "pepper_version" INTEGER NOT NULL,
    "wrapped_thread_key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "receipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_message" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "sender" "message_sender" NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_file" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "key_kind" "key_kind" NOT NULL,
    "wrapped_file_key" TEXT NOT NULL,
    "metadata" TEXT NOT NULL,
    "chunk_count" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "file_chunk" (
    "file_id" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "file_chunk_pkey" PRIMARY KEY ("file_id","index")
);

-- CreateTable
CREATE TABLE "stat_counter" (
    "period" TEXT NOT NULL,
    "dimension_1" TEXT NOT NULL,
    "value_1" TEXT NOT NULL,
    "dimension_2" TEXT NOT NULL DEFAULT '',
    "value_2" TEXT NOT NULL DEFAULT '',
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "stat_counter_pkey" PRIMARY KEY ("period","dimension_1","value_1","dimension_2","value_2")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "seq" BIGINT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_user_email_key" ON "staff_user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "staff_user_activation_hash_key" ON "staff_user"("activation_hash");

-- CreateIndex
CREATE INDEX "recovery_code_user_id_idx" ON "recovery_code"("user_id");

-- CreateIndex
CREATE INDEX "staff_session_user_id_idx" ON "staff_session"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "escrow_share_escrow_key_id_inner_user_id_outer_user_id_key" ON "escrow_share"("escrow_key_id", "inner_user_id", "outer_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "protection_case_submission_hash_key" ON "protection_case"("submission_hash");

-- CreateIndex
CREATE INDEX "protection_case_status_urgent_idx" ON "protection_case"("status", "urgent");

-- CreateIndex
CREATE INDEX "case_key_grant_recipient_id_idx" ON "case_key_grant"("recipient_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_key_grant_case_id_key_kind_recipient_id_key" ON "case_key_grant"("case_id", "key_kind", "recipient_id");

-- CreateIndex
CREATE UNIQUE INDEX "receipt_lookup_id_key" ON "receipt"("lookup_id");

-- CreateIndex
CREATE INDEX "receipt_case_id_idx" ON "receipt"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_message_case_id_seq_key" ON "case_message"("case_id", "seq");

-- CreateIndex
CREATE INDEX "case_file_case_id_idx" ON "case_file"("case_id");

-- CreateIndex
CREATE INDEX "audit_event_action_idx" ON "audit_event"("action");

-- CreateIndex
CREATE INDEX "audit_event_actor_id_idx" ON "audit_event"("actor_id");

-- AddForeignKey
ALTER TABLE "recovery_code" ADD CONSTRAINT "recovery_code_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_session" ADD CONSTRAINT "staff_session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "escrow_share" ADD CONSTRAINT "escrow_share_escrow_key_id_fkey" FOREIGN KEY ("escrow_key_id") REFERENCES "escrow_key"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_key_grant" ADD CONSTRAINT "case_key_grant_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "protection_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_key_grant" ADD CONSTRAINT "case_key_grant_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "receipt" ADD CONSTRAINT "receipt_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "protection_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_message" ADD CONSTRAINT "case_message_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "protection_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "protection_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "file_chunk" ADD CONSTRAINT "file_chunk_file_id_fkey" FOREIGN KEY ("file_id") REFERENCES "case_file"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Hand-written: the database role of the application (SECURITY.md, audit log).
-- Migrations run as the schema owner; the portal connects as a member of
-- portal_app, which may read and write data but only INSERT and SELECT the
-- audit log. Deployments grant portal_app to their login role.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portal_app') THEN
    CREATE ROLE portal_app NOLOGIN;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO portal_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO portal_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO portal_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO portal_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO portal_app;
REVOKE ALL ON "_prisma_migrations" FROM portal_app;

REVOKE UPDATE, DELETE, TRUNCATE ON "audit_event" FROM portal_app;

-- Even the owner cannot edit or remove an audit row by accident; a deliberate
-- rewrite (superuser) is caught by the hash chain and the signed checkpoints.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only';
END
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
