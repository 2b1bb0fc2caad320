/**
 * The database schema (Drizzle). `drizzle-kit generate` turns changes here into the committed SQL
 * migrations in ../../drizzle. Every list query of the API has an index below.
 */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
};

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    bio: text('bio'),
    image: text('image'),
    // In every token. A password change increments it and keeps only the session that made the change
    // (`kept_session`): every other token issued before it stops working.
    tokenVersion: integer('token_version').notNull().default(0),
    keptSession: text('kept_session'),
    ...timestamps,
  },
  (t) => [
    // Usernames, like e-mails, are one account whatever the case: Jake and jake cannot both exist.
    uniqueIndex('users_username_lower_key').on(sql`lower(${t.username})`),
    // Emails are compared case-insensitively: Jake@x.com and jake@x.com are one account.
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
  ],
);

export const follows = pgTable(
  'follows',
  {
    followerId: integer('follower_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    followeeId: integer('followee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.followeeId] }),
    index('follows_followee_idx').on(t.followeeId),
  ],
);

export const articles = pgTable(
  'articles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    body: text('body').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // Kept in step with `favorites` in the same transaction, so lists never count rows.
    favoritesCount: integer('favorites_count').notNull().default(0),
    // The names of its tags in alphabetical order, as the API returns them: kept by a trigger on
    // article_tags (migration 0003) in the writing transaction, whichever release writes the tags, so a
    // page of articles reads its tags from its own rows instead of joining article_tags and tags per row.
    tagList: text('tag_list')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('articles_slug_key').on(t.slug),
    // Global list: newest first, ties broken by id so pages never overlap.
    index('articles_created_idx').on(t.createdAt.desc(), t.id.desc()),
    // Author filter and the feed (authors someone follows).
    index('articles_author_created_idx').on(t.authorId, t.createdAt.desc(), t.id.desc()),
  ],
);

export const tags = pgTable(
  'tags',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull().unique('tags_name_key'),
    // How many articles carry the tag: kept by a trigger on article_tags (migration 0002), in the writing
    // transaction, so the tag cloud reads a hundred index entries instead of counting every article_tags row.
    articleCount: integer('article_count').notNull().default(0),
  },
  (t) => [index('tags_popular_idx').on(t.articleCount.desc(), t.name)],
);

export const articleTags = pgTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    // No longer read (tags are returned in alphabetical order) nor written (migration 0003 gives it a
    // default, so this release and the one before can both insert). Dropped by a later contract migration.
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.tagId] }),
    index('article_tags_tag_idx').on(t.tagId, t.articleId),
  ],
);

export const favorites = pgTable(
  'favorites',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    createdAt: timestamps.createdAt,
  },
  (t) => [primaryKey({ columns: [t.userId, t.articleId] }), index('favorites_article_idx').on(t.articleId)],
);

export const comments = pgTable(
  'comments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    body: text('body').notNull(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (t) => [index('comments_article_idx').on(t.articleId, t.id), index('comments_author_idx').on(t.authorId)],
);
