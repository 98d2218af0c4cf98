-- Hand-written: no clear time finer than the hour on a row about a case, a
-- receipt or a defender's visit (docs/SECURITY.md, "Timestamps"). A trigger
-- rounds each such column on every insert and update, whatever the code
-- writes, so the precise value never reaches the heap or the WAL: creation
-- and revocation times down to the hour, expiries up to the next hour (a
-- session or upload window ends no earlier than it should). Existing rows
-- are rounded the same way here. Precise times staff need live inside the
-- encrypted payloads. audit_event is rounded by the application (its chain
-- hash covers the time); its existing rows keep theirs (rewriting them would
-- break the chain).

CREATE FUNCTION hour_floor(t timestamp) RETURNS timestamp
  LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('hour', t) $$;

CREATE FUNCTION hour_ceil(t timestamp) RETURNS timestamp
  LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN t = date_trunc('hour', t) THEN t ELSE date_trunc('hour', t) + interval '1 hour' END
  $$;

CREATE FUNCTION round_created_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.created_at := hour_floor(NEW.created_at);
  RETURN NEW;
END $$;

CREATE FUNCTION round_receipt_times() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.created_at := hour_floor(NEW.created_at);
  NEW.revoked_at := hour_floor(NEW.revoked_at);
  RETURN NEW;
END $$;

CREATE FUNCTION round_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := hour_floor(NEW.updated_at);
  RETURN NEW;
END $$;

CREATE FUNCTION round_expires_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.expires_at := hour_ceil(NEW.expires_at);
  RETURN NEW;
END $$;

CREATE FUNCTION round_alert_times() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.created_at := hour_floor(NEW.created_at);
  NEW.acknowledged_at := hour_floor(NEW.acknowledged_at);
  RETURN NEW;
END $$;

UPDATE "receipt" SET "created_at" = hour_floor("created_at"), "revoked_at" = hour_floor("revoked_at");
UPDATE "case_key_grant" SET "created_at" = hour_floor("created_at");
UPDATE "case_message" SET "created_at" = hour_floor("created_at");
UPDATE "case_file" SET "created_at" = hour_floor("created_at");
UPDATE "case_entry" SET "created_at" = hour_floor("created_at");
UPDATE "case_draft" SET "updated_at" = hour_floor("updated_at");
UPDATE "follow_up_session" SET "expires_at" = hour_ceil("expires_at");
UPDATE "intake_replay" SET "expires_at" = hour_ceil("expires_at");
UPDATE "upload_session" SET "expires_at" = hour_ceil("expires_at");
UPDATE "alert" SET "created_at" = hour_floor("created_at"), "acknowledged_at" = hour_floor("acknowledged_at");

CREATE TRIGGER receipt_times_to_the_hour BEFORE INSERT OR UPDATE ON "receipt" FOR EACH ROW EXECUTE FUNCTION round_receipt_times();
CREATE TRIGGER case_key_grant_time_to_the_hour BEFORE INSERT OR UPDATE ON "case_key_grant" FOR EACH ROW EXECUTE FUNCTION round_created_at();
CREATE TRIGGER case_message_time_to_the_hour BEFORE INSERT OR UPDATE ON "case_message" FOR EACH ROW EXECUTE FUNCTION round_created_at();
CREATE TRIGGER case_file_time_to_the_hour BEFORE INSERT OR UPDATE ON "case_file" FOR EACH ROW EXECUTE FUNCTION round_created_at();
CREATE TRIGGER case_entry_time_to_the_hour BEFORE INSERT OR UPDATE ON "case_entry" FOR EACH ROW EXECUTE FUNCTION round_created_at();
CREATE TRIGGER case_draft_time_to_the_hour BEFORE INSERT OR UPDATE ON "case_draft" FOR EACH ROW EXECUTE FUNCTION round_updated_at();
CREATE TRIGGER follow_up_session_expiry_to_the_hour BEFORE INSERT OR UPDATE ON "follow_up_session" FOR EACH ROW EXECUTE FUNCTION round_expires_at();
CREATE TRIGGER intake_replay_expiry_to_the_hour BEFORE INSERT OR UPDATE ON "intake_replay" FOR EACH ROW EXECUTE FUNCTION round_expires_at();
CREATE TRIGGER upload_session_expiry_to_the_hour BEFORE INSERT OR UPDATE ON "upload_session" FOR EACH ROW EXECUTE FUNCTION round_expires_at();
CREATE TRIGGER alert_times_to_the_hour BEFORE INSERT OR UPDATE ON "alert" FOR EACH ROW EXECUTE FUNCTION round_alert_times();
