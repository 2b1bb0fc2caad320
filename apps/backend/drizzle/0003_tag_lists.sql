-- article_tags.position is no longer written: a default lets this release and the previous one both insert.
ALTER TABLE "article_tags" ALTER COLUMN "position" SET DEFAULT 0;--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "tag_list" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- The names of an article's tags in the "C" collation's order, as the API returns them.
CREATE FUNCTION "article_tag_names"("article" integer) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(t."name" ORDER BY t."name" COLLATE "C"), '{}')
  FROM "article_tags" at JOIN "tags" t ON t."id" = at."tag_id" WHERE at."article_id" = "article"
$$;--> statement-breakpoint
-- Keeps articles.tag_list in step with article_tags in the writing transaction, whichever release writes
-- the tags: a rolling update or a rollback running the previous backend still leaves every list right.
-- Statement-level, so an article written with five tags is updated once, not five times.
CREATE FUNCTION "articles_sync_tag_list"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "articles" SET "tag_list" = "article_tag_names"("id")
    WHERE "id" IN (SELECT "article_id" FROM "added_rows");
  ELSE
    UPDATE "articles" SET "tag_list" = "article_tag_names"("id")
    WHERE "id" IN (SELECT "article_id" FROM "removed_rows");
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "article_tags_sync_list_insert" AFTER INSERT ON "article_tags"
  REFERENCING NEW TABLE AS "added_rows" FOR EACH STATEMENT EXECUTE FUNCTION "articles_sync_tag_list"();--> statement-breakpoint
CREATE TRIGGER "article_tags_sync_list_delete" AFTER DELETE ON "article_tags"
  REFERENCING OLD TABLE AS "removed_rows" FOR EACH STATEMENT EXECUTE FUNCTION "articles_sync_tag_list"();--> statement-breakpoint
UPDATE "articles" SET "tag_list" = "article_tag_names"("id");
