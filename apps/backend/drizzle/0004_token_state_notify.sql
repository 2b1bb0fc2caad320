-- Tells every backend replica, when the change commits, that a user's token state changed: a password
-- change moves token_version and kept_session, and a deleted user has none. Each replica keeps the token
-- states it has read and forgets this user's on the notice (plugins/auth.ts). A trigger, so every writer
-- announces, whichever release or tool it is. Password changes are rare: the commit-time cost of NOTIFY
-- (a cluster-wide lock while the notifying transaction commits) never meets the hot write paths.
CREATE FUNCTION "users_notify_token_state"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW."token_version" IS DISTINCT FROM OLD."token_version"
     OR NEW."kept_session" IS DISTINCT FROM OLD."kept_session" THEN
    PERFORM pg_notify('conduit_token_state', OLD."id"::text);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "users_token_state_changed" AFTER UPDATE OF "token_version", "kept_session" OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "users_notify_token_state"();
