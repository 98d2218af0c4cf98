-- CreateTable
CREATE TABLE "audit_checkpoint" (
    "id" BIGSERIAL NOT NULL,
    "row_count" BIGINT NOT NULL,
    "head_hash" TEXT NOT NULL,
    "signed_at" TIMESTAMP(3) NOT NULL,
    "key_version" INTEGER NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "audit_checkpoint_pkey" PRIMARY KEY ("id")
);

-- Like audit_event: the application role may only insert and select a
-- checkpoint, and even the owner cannot edit or remove one by accident.
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_checkpoint" FROM portal_app;

CREATE FUNCTION audit_checkpoint_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_checkpoint is append-only';
END
$$;
CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE OR DELETE ON "audit_checkpoint"
  FOR EACH ROW EXECUTE FUNCTION audit_checkpoint_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON "audit_checkpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoint_append_only();
