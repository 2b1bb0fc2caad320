-- contract: the case-sensitive unique index on username is replaced by a case-insensitive one (lower(username)), which only narrows what new rows may hold; the code before this release never relied on the old index.
DROP INDEX "users_username_key";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "token_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "kept_session" text;--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_lower_key" ON "users" USING btree (lower("username"));