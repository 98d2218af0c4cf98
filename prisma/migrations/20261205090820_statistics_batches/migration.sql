-- CreateTable
CREATE TABLE "stat_pending" (
    "id" UUID NOT NULL,
    "sealed" TEXT NOT NULL,

    CONSTRAINT "stat_pending_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stat_batch" (
    "seq" SERIAL NOT NULL,
    "applied_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "stat_batch_pkey" PRIMARY KEY ("seq")
);

-- ---------------------------------------------------------------------------
-- Hand-written: each statistics batch vacuums the counters and the queue it
-- drained, so no older counter value or sealed increment lingers in the
-- table files (VACUUM needs the owner or, from PostgreSQL 17, MAINTAIN).
DO $$
BEGIN
  IF current_setting('server_version_num')::int >= 170000 THEN
    EXECUTE 'GRANT MAINTAIN ON TABLE "stat_counter", "stat_pending" TO portal_app';
  END IF;
END
$$;
