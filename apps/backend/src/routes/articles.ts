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
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { sendJson } from '../lib/prepared-json.js';
import * as articles from '../repositories/articles.js';
import * as rules from '../services/articles.js';
import { SlugParams } from './params.js';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  /** Answers with one page of the articles `filter` selects, as `viewerId` sees them. */
  const listPage = async (
    reply: FastifyReply,
    filter: articles.ArticleFilter,
    viewerId: number,
    { limit, offset }: { limit: number; offset: number },
  ) =>
    sendJson(
      reply,
      await articles.listArticlesJson(app.db, filter, viewerId, { limit, offset }, app.listCounts),
    );

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
      // Usernames are compared as stored: NFKC (and whatever the case, in the query).
      const author = request.query.author?.normalize('NFKC');
      const favorited = request.query.favorited?.normalize('NFKC');
      return listPage(reply, { tag: request.query.tag, author, favorited }, request.userId, request.query);
    },
  );

  app.get(
    '/articles/feed',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['Articles'],
        summary: 'Recent articles by followed users; without bodies',
        querystring: FeedQuery,
        response: { 200: ArticleListResponse, 401: ErrorEnvelope, 422: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      return listPage(reply, { feedOf: request.userId }, request.userId, request.query);
    },
  );

  app.get(
    '/articles/:slug',
    {
      onRequest: app.identifyUser,
      schema: {
        tags: ['Articles'],
        summary: 'One article',
        params: SlugParams,
        response: { 200: ArticleResponse, 401: ErrorEnvelope, 404: ErrorEnvelope },
      },
    },
    async (request, reply) => sendJson(reply, await rules.find(app.db, request.params.slug, request.userId)),
  );

  app.post(
    '/articles',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['Articles'],
        summary: 'Create an article',
        body: NewArticle,
        response: { 201: ArticleResponse, 401: ErrorEnvelope, 422: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const json = await rules.create(app.db, request.userId, request.body.article);
      app.tagCloud.invalidate();
      return sendJson(reply, json, 201);
    },
  );

  app.put(
    '/articles/:slug',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['Articles'],
        summary: 'Update an article (author only); a new title gives a new slug',
        params: SlugParams,
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
      const slug = await rules.update(app.db, request.userId, request.params.slug, request.body.article);
      app.tagCloud.invalidate();
      return sendJson(reply, await rules.find(app.db, slug, request.userId));
    },
  );

  app.delete(
    '/articles/:slug',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['Articles'],
        summary: 'Delete an article (author only), with its comments and favorites',
        params: SlugParams,
        response: { 204: Type.Null(), 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      await rules.remove(app.db, request.userId, request.params.slug);
      app.tagCloud.invalidate();
      return reply.status(204).send(null);
    },
  );

  for (const [method, favorite] of [
    ['POST', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: '/articles/:slug/favorite',
      onRequest: app.requireUser,
      schema: {
        tags: ['Favorites'],
        summary: favorite ? 'Favorite an article' : 'Unfavorite an article',
        params: SlugParams,
        response: { 200: ArticleResponse, 401: ErrorEnvelope, 404: ErrorEnvelope },
      },
      handler: async (request, reply) => {
        const slug = await rules.setFavorite(app.db, request.userId, request.params.slug, favorite);
        return sendJson(reply, await rules.find(app.db, slug, request.userId));
      },
    });
  }
};

export default routes;
