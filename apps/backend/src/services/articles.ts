/**
 * Article rules: slugs (unique, never a reserved route word, retried on a race), tag cleaning, and that
 * only the author edits or deletes. Handlers parse the request, call these, and map the result.
 */
import type { NewArticle, UpdateArticle } from '@proyecto06/contract';
import type { Db } from '../db/client.js';
import { uniqueViolation } from '../db/errors.js';
import { forbidden, notFound, requireText } from '../lib/errors.js';
import { isReservedSlug, slugSuffix, slugify } from '../lib/slug.js';
import * as articles from '../repositories/articles.js';

type ArticleRef = NonNullable<Awaited<ReturnType<typeof articles.findArticleRef>>>;

/** Trimmed, without blanks or repeats, in the author's order. */
function cleanTags(tagList: string[] | undefined): string[] | undefined {
  if (tagList === undefined) return undefined;
  return [...new Set(tagList.map((tag) => tag.trim()).filter(Boolean))];
}

/**
 * Runs `write` with a free slug for `title`: the plain slug first, and when the unique index refuses it
 * (the title is taken, or another writer got there first) a fresh suffix. Asking first would cost every
 * write a round trip to save one on the rare repeated title.
 */
async function withFreeSlug<T>(title: string, write: (slug: string) => Promise<T>): Promise<T> {
  const base = slugify(title);
  let slug = isReservedSlug(base) ? `${base}-${slugSuffix()}` : base;
  for (let attempt = 0; ; attempt++) {
    try {
      return await write(slug);
    } catch (error) {
      if (attempt >= 4 || !uniqueViolation(error)?.includes('slug')) throw error;
      slug = `${base}-${slugSuffix()}`;
    }
  }
}

/** `{ article }` as the viewer sees it, as JSON text built by PostgreSQL (repositories/prepared.ts). */
export async function find(db: Db, slug: string, viewerId: number): Promise<string> {
  const json = await articles.findArticleJson(db, slug, viewerId);
  if (json === undefined) throw notFound('article');
  return json;
}

export async function findRef(db: Db, slug: string): Promise<ArticleRef> {
  const ref = await articles.findArticleRef(db, slug);
  if (!ref) throw notFound('article');
  return ref;
}

/** The article, if `userId` wrote it: 404 when there is none, 403 when it is someone else's. */
async function ownRef(db: Db, slug: string, userId: number): Promise<ArticleRef> {
  const ref = await findRef(db, slug);
  if (ref.authorId !== userId) throw forbidden('article');
  return ref;
}

/** Creates the article; returns `{ article }` as JSON text, as its author sees it. */
export async function create(db: Db, authorId: number, input: NewArticle['article']): Promise<string> {
  const { title, description, body } = input;
  requireText({ title, description, body });
  const tagList = cleanTags(input.tagList) ?? [];
  const values = { title: title.trim(), description: description.trim(), body, authorId };
  return withFreeSlug(title, (slug) => articles.insertArticle(db, { ...values, slug }, tagList));
}

/** Applies the author's changes; a new title gives a new slug, which is returned. */
export async function update(
  db: Db,
  userId: number,
  slug: string,
  input: UpdateArticle['article'],
): Promise<string> {
  const ref = await ownRef(db, slug, userId);
  const { title, description, body } = input;
  requireText({ title, description, body });
  const tagList = cleanTags(input.tagList);
  const changes = {
    ...(title !== undefined && { title: title.trim() }),
    ...(description !== undefined && { description: description.trim() }),
    ...(body !== undefined && { body }),
  };
  const save = (newSlug: string) =>
    db.transaction(async (tx) => {
      await articles.updateArticle(tx, ref.id, { ...changes, slug: newSlug });
      if (tagList !== undefined) await articles.replaceArticleTags(tx, ref.id, tagList);
      return newSlug;
    });
  const retitled = changes.title !== undefined && changes.title !== ref.title;
  return retitled ? withFreeSlug(changes.title!, save) : save(ref.slug);
}

export async function remove(db: Db, userId: number, slug: string): Promise<void> {
  const ref = await ownRef(db, slug, userId);
  await articles.deleteArticle(db, ref.id);
}

/** Marks or clears the user's favorite (repeating either is harmless); returns the article's slug. */
export async function setFavorite(db: Db, userId: number, slug: string, favorite: boolean): Promise<string> {
  const ref = await findRef(db, slug);
  const change = favorite ? articles.addFavorite : articles.removeFavorite;
  await db.transaction((tx) => change(tx, userId, ref.id));
  return ref.slug;
}
