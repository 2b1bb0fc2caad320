-- The ids of the tags named, creating those that do not exist yet, in id order (the order in which the
-- count trigger of 0002 then locks their rows: no crosswise deadlock between two writers). New tags are
-- inserted in name order, so two writers creating the same new tags take their index entries in one
-- order. Each statement of a function takes its own snapshot: after ON CONFLICT has waited for another
-- writer's new tag, the SELECT sees it. Called inside an article's write statement, so the tags of a write
-- that fails (a taken slug) go with it.
CREATE FUNCTION "ensure_tags"("names" text[]) RETURNS SETOF integer LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "tags" ("name") SELECT "name" FROM unnest("names") AS "name" ORDER BY "name" ON CONFLICT DO NOTHING;
  RETURN QUERY SELECT "id" FROM "tags" WHERE "name" = ANY("names") ORDER BY "id";
END
$$;
