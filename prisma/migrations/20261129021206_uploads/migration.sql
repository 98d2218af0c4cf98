-- CreateTable
CREATE TABLE "upload_session" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "wrapped_file_key" TEXT NOT NULL,
    "metadata" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "piece_count" INTEGER NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "upload_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "upload_piece" (
    "upload_id" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "upload_piece_pkey" PRIMARY KEY ("upload_id","index")
);

-- CreateIndex
CREATE INDEX "upload_session_case_id_idx" ON "upload_session"("case_id");

-- CreateIndex
CREATE INDEX "upload_session_expires_at_idx" ON "upload_session"("expires_at");

-- AddForeignKey
ALTER TABLE "upload_session" ADD CONSTRAINT "upload_session_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "protection_case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "upload_piece" ADD CONSTRAINT "upload_piece_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "upload_session"("id") ON DELETE CASCADE ON UPDATE CASCADE;
