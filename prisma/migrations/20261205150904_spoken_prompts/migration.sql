-- Spoken help: prompts the mechanism recorded, one per step and language, signed with the directory key.
-- CreateTable
CREATE TABLE "spoken_prompt" (
    "step" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "revision" INTEGER NOT NULL,
    "signature" TEXT NOT NULL,
    "uploaded_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "spoken_prompt_pkey" PRIMARY KEY ("step","language")
);
