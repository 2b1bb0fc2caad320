import {
  ArticleListQuery,
  ArticleListResponse,
  ArticleResponse,
  ErrorEnvelope,
  FeedQuery,
  NewArticle,
  UpdateArticle,
} from '@proyecto06/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Db } from '../db/client.js';
import { uniqueViolation } from '../db/errors.js';
import { forbidden, notFound, requireText } from '../lib/errors.js';
import { sendJson } from '../lib/prepared-json.js';
import { slugSuffix, slugify } from '../lib/slug.js';
import * as articles from '../repositories/articles.js';

const security = [{ Token: [] }];
const slugParams = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });

/** Trimmed, without blanks or repeats, in the author's order. */
function cleanTags(tagList: string[] | undefined): string[] | undefined {
  if (tagList === undefined) return undefined;
  return [...new Set(tagList.map((tag) => tag.trim()).filter(Boolean))];
}

/** Runs `write` with a free slug for `title`; a race on the same slug retries with a fresh suffix. */
async function withFreeSlug<T>(db: Db, title: string, write: (slug: string) => Promise<T>): Promise<T> {
  const base = slugify(title);
  let slug = (await articles.slugTaken(db, base)) ? `${base}-${slugSuffix()}` : base;
  for (let attempt = 0; ; attempt++) {
    try {
      return await write(slug);
    } catch (error) {
      if (attempt >= 4 || !uniqueViolation(error)?.includes('slug')) throw error;
      slug = `${base}-${slugSuffix()}`;
    }
  }
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const article = async (slug: string, viewerId: number) => {
    const json = await articles.findArticleJson(app.db, slug, viewerId);
    if (json === undefined) throw notFound('article');
    return json;
  };
  /** Loads what an edit needs and enforces that only the author edits. */
  const ownArticle = async (slug: string, userId: number) => {
    const ref = await articles.findArticleRef(app.db, slug);
    if (!ref) throw notFound('article');
    if (ref.authorId !== userId) throw forbidden('article');
    return ref;
  };

  app.get(
    '/articles',
    {
      onRequest: app.identifyUser,
      schema: {
        tags: ['Articles'],
        summary: 'Recent articles, filtered by tag, author or favorited-by; without bodies',
        querystring: ArticleListQuery,
        response: { 200: ArticleListResponse, 401: ErrorEnvelope, 422: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const { tag, author, favorited, limit, offset } = request.query;
      const filter = { tag, author, favorited };
      return sendJson(
        reply,
        await articles.listArticlesJson(app.db, filter, request.userId, { limit, offset }),
      );
    },
  );

  app.get(
    '/articles/feed',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['Articles'],
        summary: 'Recent articles by followed users; without bodies',
        security,
        querystring: FeedQuery,
        response: { 200: ArticleListResponse, 401: ErrorEnvelope, 422: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const { limit, offset } = request.query;
      const filter = { feedOf: request.userId };
      return sendJson(
        reply,
        await articles.listArticlesJson(app.db, filter, request.userId, { limit, offset }),
      );
    },
  );

  app.get(
    '/articles/:slug',
    {
      onRequest: app.identifyUser,
      schema: {
        tags: ['Articles'],
        summary: 'One article',
        params: slugParams,
        response: { 200: ArticleResponse, 401: ErrorEnvelope, 404: ErrorEnvelope },
      },
    },
    async (request, reply) => sendJson(reply, await article(request.params.slug, request.userId)),
  );

  app.post(
    '/articles',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['Articles'],
        summary: 'Create an article',
        security,
        body: NewArticle,
        response: { 201: ArticleResponse, 401: ErrorEnvelope, 422: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const { title, description, body } = request.body.article;
      requireText({ title, description, body });
      const tagList = cleanTags(request.body.article.tagList) ?? [];
      const slug = await withFreeSlug(app.db, title, (slug) =>
        app.db.transaction(async (tx) => {
          const id = await articles.insertArticle(tx, {
            slug,
            title: title.trim(),
            description: description.trim(),
            body,
            authorId: request.userId,
          });
          await articles.setArticleTags(tx, id, tagList, false);
          return slug;
        }),
      );
      return sendJson(reply, await article(slug, request.userId), 201);
    },
  );

  app.put(
    '/articles/:slug',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['Articles'],
        summary: 'Update an article (author only); a new title gives a new slug',
        security,
        params: slugParams,
        body: UpdateArticle,
        response: {
          200: ArticleResponse,
          401: ErrorEnvelope,
          403: ErrorEnvelope,
          404: ErrorEnvelope,
          422: ErrorEnvelope,
        },
      },
    },
    async (request, reply) => {
      const ref = await ownArticle(request.params.slug, request.userId);
      const { title, description, body } = request.body.article;
      requireText({ title, description, body });
      const tagList = cleanTags(request.body.article.tagList);
      const changes = {
        ...(title !== undefined && { title: title.trim() }),
        ...(description !== undefined && { description: description.trim() }),
        ...(body !== undefined && { body }),
      };
      const retitled = changes.title !== undefined && changes.title !== ref.title;
      const save = (slug: string) =>
        app.db.transaction(async (tx) => {
          await articles.updateArticle(tx, ref.id, { ...changes, slug });
          if (tagList !== undefined) await articles.setArticleTags(tx, ref.id, tagList, true);
          return slug;
        });
      const slug = retitled ? await withFreeSlug(app.db, changes.title!, save) : await save(ref.slug);
      return sendJson(reply, await article(slug, request.userId));
    },
  );

  app.delete(
    '/articles/:slug',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['Articles'],
        summary: 'Delete an article (author only), with its comments and favorites',
        security,
        params: slugParams,
        response: { 204: Type.Null(), 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const ref = await ownArticle(request.params.slug, request.userId);
      await articles.deleteArticle(app.db, ref.id);
      return reply.status(204).send(null);
    },
  );

  const favoriteSchema = (summary: string) => ({
    tags: ['Favorites'],
    summary,
    security,
    params: slugParams,
    response: { 200: ArticleResponse, 401: ErrorEnvelope, 404: ErrorEnvelope },
  });

  app.post(
    '/articles/:slug/favorite',
    { onRequest: app.requireUser, schema: favoriteSchema('Favorite an article') },
    async (request, reply) => {
      const ref = await articles.findArticleRef(app.db, request.params.slug);
      if (!ref) throw notFound('article');
      await app.db.transaction((tx) => articles.addFavorite(tx, request.userId, ref.id));
      return sendJson(reply, await article(ref.slug, request.userId));
    },
  );

  app.delete(
    '/articles/:slug/favorite',
    { onRequest: app.requireUser, schema: favoriteSchema('Unfavorite an article') },
    async (request, reply) => {
      const ref = await articles.findArticleRef(app.db, request.params.slug);
      if (!ref) throw notFound('article');
      await app.db.transaction((tx) => articles.removeFavorite(tx, request.userId, ref.id));
      return sendJson(reply, await article(ref.slug, request.userId));
    },
  );
};

export default routes;
