/**
 * The wire contract of the Conduit API (RealWorld v2). One source of truth: the backend validates and
 * serialises with these schemas, the OpenAPI document is generated from them, and the frontend imports
 * the types (`import type`) only. A `title` names a schema: the OpenAPI document lists it once under
 * components.schemas and points at it with a $ref wherever it is used.
 */
import { Type, type Static } from 'typebox';

const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 with milliseconds, UTC' });
const NullableText = Type.Union([Type.String(), Type.Null()]);

export const ErrorEnvelope = Type.Object(
  { errors: Type.Record(Type.String(), Type.Array(Type.String())) },
  {
    title: 'ErrorEnvelope',
    description: 'Errors keyed by field, e.g. {"errors":{"title":["can\'t be blank"]}}',
  },
);
export type ErrorEnvelope = Static<typeof ErrorEnvelope>;

// ---- users and profiles ----

export const User = Type.Object(
  {
    email: Type.String(),
    token: Type.String(),
    username: Type.String(),
    bio: NullableText,
    image: NullableText,
  },
  { title: 'User' },
);
export type User = Static<typeof User>;
export const UserResponse = Type.Object({ user: User }, { title: 'UserResponse' });
export type UserResponse = Static<typeof UserResponse>;

export const Profile = Type.Object(
  {
    username: Type.String(),
    bio: NullableText,
    image: NullableText,
    following: Type.Boolean(),
  },
  { title: 'Profile' },
);
export type Profile = Static<typeof Profile>;
export const ProfileResponse = Type.Object({ profile: Profile }, { title: 'ProfileResponse' });
export type ProfileResponse = Static<typeof ProfileResponse>;

export const Limits = {
  username: 64,
  email: 254,
  // NIST 800-63B: at least 8, accept at least 64; argon2 is happy with more, but bound the work.
  passwordMin: 8,
  passwordMax: 256,
  bio: 2_000,
  image: 2_048,
  title: 200,
  description: 500,
  body: 100_000,
  tag: 64,
  tags: 20,
  comment: 10_000,
  pageSize: 100,
} as const;

const Username = Type.String({ minLength: 1, maxLength: Limits.username });
const Email = Type.String({ minLength: 1, maxLength: Limits.email, format: 'email' });

export const LoginUser = Type.Object(
  {
    user: Type.Object({
      email: Type.String({ minLength: 1, maxLength: Limits.email }),
      password: Type.String({ minLength: 1, maxLength: Limits.passwordMax }),
    }),
  },
  { title: 'LoginUser' },
);
export type LoginUser = Static<typeof LoginUser>;

// One password policy for registration and changes.
const Password = Type.String({ minLength: Limits.passwordMin, maxLength: Limits.passwordMax });

export const NewUser = Type.Object(
  {
    user: Type.Object({
      username: Username,
      email: Email,
      password: Password,
    }),
  },
  { title: 'NewUser' },
);
export type NewUser = Static<typeof NewUser>;

export const UpdateUser = Type.Object(
  {
    user: Type.Object({
      username: Type.Optional(Username),
      email: Type.Optional(Email),
      password: Type.Optional(Password),
      bio: Type.Optional(Type.Union([Type.String({ maxLength: Limits.bio }), Type.Null()])),
      image: Type.Optional(Type.Union([Type.String({ maxLength: Limits.image }), Type.Null()])),
    }),
  },
  { title: 'UpdateUser' },
);
export type UpdateUser = Static<typeof UpdateUser>;

// ---- articles ----

const TagList = Type.Array(Type.String({ minLength: 1, maxLength: Limits.tag }), { maxItems: Limits.tags });

export const ArticleSummary = Type.Object(
  {
    slug: Type.String(),
    title: Type.String(),
    description: Type.String(),
    tagList: Type.Array(Type.String()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    favorited: Type.Boolean(),
    favoritesCount: Type.Integer(),
    author: Profile,
  },
  { title: 'ArticleSummary' },
);
export type ArticleSummary = Static<typeof ArticleSummary>;

/** An article with its body: the summary's fields and `body`. */
export const Article = Type.Intersect([ArticleSummary, Type.Object({ body: Type.String() })], {
  title: 'Article',
});
export type Article = Static<typeof Article>;
export const ArticleResponse = Type.Object({ article: Article }, { title: 'ArticleResponse' });
export type ArticleResponse = Static<typeof ArticleResponse>;

export const ArticleListResponse = Type.Object(
  {
    articles: Type.Array(ArticleSummary),
    articlesCount: Type.Integer({ description: 'Total matching articles, not the page size' }),
  },
  { title: 'ArticleListResponse' },
);
export type ArticleListResponse = Static<typeof ArticleListResponse>;

export const NewArticle = Type.Object(
  {
    article: Type.Object({
      title: Type.String({ minLength: 1, maxLength: Limits.title }),
      description: Type.String({ minLength: 1, maxLength: Limits.description }),
      body: Type.String({ minLength: 1, maxLength: Limits.body }),
      tagList: Type.Optional(TagList),
    }),
  },
  { title: 'NewArticle' },
);
export type NewArticle = Static<typeof NewArticle>;

export const UpdateArticle = Type.Object(
  {
    article: Type.Object({
      title: Type.Optional(Type.String({ minLength: 1, maxLength: Limits.title })),
      description: Type.Optional(Type.String({ minLength: 1, maxLength: Limits.description })),
      body: Type.Optional(Type.String({ minLength: 1, maxLength: Limits.body })),
      tagList: Type.Optional(TagList),
    }),
  },
  { title: 'UpdateArticle' },
);
export type UpdateArticle = Static<typeof UpdateArticle>;

export const ArticleListQuery = Type.Object({
  tag: Type.Optional(Type.String({ maxLength: Limits.tag })),
  author: Type.Optional(Type.String({ maxLength: Limits.username })),
  favorited: Type.Optional(Type.String({ maxLength: Limits.username })),
  limit: Type.Integer({ minimum: 0, maximum: Limits.pageSize, default: 20 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
});
export type ArticleListQuery = Static<typeof ArticleListQuery>;

export const FeedQuery = Type.Object({
  limit: Type.Integer({ minimum: 0, maximum: Limits.pageSize, default: 20 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
});
export type FeedQuery = Static<typeof FeedQuery>;

// ---- comments and tags ----

export const Comment = Type.Object(
  {
    id: Type.Integer(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    body: Type.String(),
    author: Profile,
  },
  { title: 'Comment' },
);
export type Comment = Static<typeof Comment>;
export const CommentResponse = Type.Object({ comment: Comment }, { title: 'CommentResponse' });
export type CommentResponse = Static<typeof CommentResponse>;
export const CommentListResponse = Type.Object(
  { comments: Type.Array(Comment) },
  { title: 'CommentListResponse' },
);
export type CommentListResponse = Static<typeof CommentListResponse>;

export const NewComment = Type.Object(
  {
    comment: Type.Object({ body: Type.String({ minLength: 1, maxLength: Limits.comment }) }),
  },
  { title: 'NewComment' },
);
export type NewComment = Static<typeof NewComment>;

export const TagsResponse = Type.Object({ tags: Type.Array(Type.String()) }, { title: 'TagsResponse' });
export type TagsResponse = Static<typeof TagsResponse>;
