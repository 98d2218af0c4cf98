-- A staff member's latest status as a signed fact (the directory key signs tenant, user id, status and epoch):
-- a database writer who sets "active" back cannot sign a status to match it.
CREATE TABLE "staff_status_statement" (
    "staff_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "signature" TEXT NOT NULL,

    CONSTRAINT "staff_status_statement_pkey" PRIMARY KEY ("staff_id")
);
