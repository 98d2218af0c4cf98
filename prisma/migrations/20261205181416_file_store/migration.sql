-- Encrypted file content moves to the file store (apps/api/src/file-store).
-- Files of an older release keep their chunks in file_chunk (store_key null)
-- and are read from there. Uploads in progress of an older release are
-- dropped (their pieces with them): they expire within the day anyway, and
-- the defender's browser starts the file again on a 404.
DELETE FROM "upload_session";

-- AlterTable
ALTER TABLE "case_file" ADD COLUMN     "store_key" TEXT;

-- AlterTable
ALTER TABLE "upload_session" ADD COLUMN     "store_key" TEXT NOT NULL;

-- One row per stored object: a database writer cannot point two files at the same bytes unnoticed by the sweep.
CREATE UNIQUE INDEX "case_file_store_key_key" ON "case_file"("store_key");
