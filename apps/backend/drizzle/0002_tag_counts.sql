ALTER TABLE "tags" ADD COLUMN "article_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "tags_popular_idx" ON "tags" USING btree ("article_count" DESC NULLS LAST,"name");--> statement-breakpoint
UPDATE "tags" SET "article_count" = (SELECT count(*) FROM "article_tags" WHERE "article_tags"."tag_id" = "tags"."id");--> statement-breakpoint
-- Keeps tags.article_count in step with article_tags in the same transaction, whichever way a row comes or
-- goes (an article's tags replaced, an article or its author deleted by cascade).
CREATE FUNCTION "tags_count_articles"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "tags" SET "article_count" = "article_count" + 1 WHERE "id" = NEW."tag_id";
    RETURN NEW;
  END IF;
  UPDATE "tags" SET "article_count" = "article_count" - 1 WHERE "id" = OLD."tag_id";
  RETURN OLD;
END
$$;--> statement-breakpoint
CREATE TRIGGER "article_tags_count" AFTER INSERT OR DELETE ON "article_tags"
  FOR EACH ROW EXECUTE FUNCTION "tags_count_articles"();
