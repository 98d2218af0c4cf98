-- What a first custodian's step produced (escrow seeds still sealed to one other custodian) no longer waits in the
-- database: it lives in the server's memory until the second step or the request's expiry. Clear every copy left
-- by earlier versions, completed, expired or pending alike: a pending request must be started again.
UPDATE "custodian_operation" SET "intermediates" = '[]'::jsonb WHERE "intermediates" <> '[]'::jsonb;
UPDATE "custodian_operation" SET "expires_at" = now() WHERE "completed_at" IS NULL AND "expires_at" > now();
