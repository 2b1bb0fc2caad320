-- Tells every backend replica, when the change commits, that a user's public profile (username, bio,
-- image) changed or the user is gone. Each replica keeps the profiles anonymous readers ask for
-- (plugins/public-profiles.ts) and forgets them on the notice, as 0004 does for token states. A trigger,
-- so every writer announces, whichever release or tool it is. Profile edits are rare next to reads, so
-- the commit-time cost of NOTIFY (a cluster-wide lock while the notifying transaction commits) never
-- meets the hot write paths.
CREATE FUNCTION "users_notify_profile"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW."username" IS DISTINCT FROM OLD."username"
     OR NEW."bio" IS DISTINCT FROM OLD."bio" OR NEW."image" IS DISTINCT FROM OLD."image" THEN
    PERFORM pg_notify('conduit_profile', OLD."id"::text);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "users_profile_changed" AFTER UPDATE OF "username", "bio", "image" OR DELETE ON "users"
  FOR EACH ROW EXECUTE FUNCTION "users_notify_profile"();
