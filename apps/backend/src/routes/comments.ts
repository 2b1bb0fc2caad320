import { CommentListResponse, CommentResponse, ErrorEnvelope, NewComment } from '@proyecto06/contract';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { forbidden, notFound, requireText } from '../lib/errors.js';
import { toComment } from '../lib/mappers.js';
import { sendJson } from '../lib/prepared-json.js';
import * as comments from '../repositories/comments.js';
import { findRef } from '../services/articles.js';
import { CommentParams, SlugParams } from './params.js';

const tags = ['Comments'];
/** The newest comments of an article that one response carries. */
const MAX_COMMENTS = 500;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const articleId = async (slug: string) => (await findRef(app.db, slug)).id;

  app.get(
    '/articles/:slug/comments',
    {
      onRequest: app.identifyUser,
      schema: {
        tags,
        summary: `Comments of an article, newest first (at most ${MAX_COMMENTS})`,
        params: SlugParams,
        response: { 200: CommentListResponse, 401: ErrorEnvelope, 404: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const json = await comments.listCommentsJson(app.db, request.params.slug, request.userId, MAX_COMMENTS);
      if (json === undefined) throw notFound('article');
      return sendJson(reply, json);
    },
  );

  app.post(
    '/articles/:slug/comments',
    {
      onRequest: app.requireUser,
      schema: {
        tags,
        summary: 'Comment on an article',
        params: SlugParams,
        body: NewComment,
        response: { 201: CommentResponse, 401: ErrorEnvelope, 404: ErrorEnvelope, 422: ErrorEnvelope },
      },
    },
    async (request, reply) => {
      const { body } = request.body.comment;
      requireText({ body });
      const id = await comments.insertComment(app.db, {
        body,
        articleId: await articleId(request.params.slug),
        authorId: request.userId,
      });
      const row = await comments.findComment(app.db, id, request.userId);
      return reply.status(201).send({ comment: toComment(row!) });
    },
  );

  app.delete(
    '/articles/:slug/comments/:id',
    {
      onRequest: app.requireUser,
      schema: {
        tags,
        summary: 'Delete a comment (its author only)',
        params: CommentParams,
        response: {
          204: Type.Null(),
          401: ErrorEnvelope,
          403: ErrorEnvelope,
          404: ErrorEnvelope,
          422: ErrorEnvelope,
        },
      },
    },
    async (request, reply) => {
      const ref = await comments.findCommentRef(
        app.db,
        await articleId(request.params.slug),
        request.params.id,
      );
      if (!ref) throw notFound('comment');
      if (ref.authorId !== request.userId) throw forbidden('comment');
      await comments.deleteComment(app.db, ref.id);
      return reply.status(204).send(null);
    },
  );
};

export default routes;
