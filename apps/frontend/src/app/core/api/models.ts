// Wire types come from the shared contract (packages/contract), as types only: nothing of it is bundled.
import type {
  Article,
  ArticleListQuery,
  ArticleListResponse,
  ArticleSummary,
  NewArticle,
  UpdateUser,
} from '@proyecto06/contract';

export type {
  Article,
  ArticleListResponse,
  ArticleResponse,
  ArticleSummary,
  Comment,
  CommentListResponse,
  CommentResponse,
  Profile,
  ProfileResponse,
  TagsResponse,
  User,
  UserResponse,
} from '@proyecto06/contract';

/** One page of a list: the articles (without bodies) and how many match in all. */
export type ArticlePage = ArticleListResponse;

/** What the editor sends on create and update. */
export type ArticleDraft = Required<NewArticle['article']>;

export type UserUpdate = UpdateUser['user'];

export interface Credentials {
  email: string;
  password: string;
}

export interface Registration extends Credentials {
  username: string;
}

/** What to list: the whole feed, a tag, an author's or a user's favourites, or the followed authors. */
export type ArticleQuery = ArticleListQuery & { feed?: 'following' };

/** A list entry or a full article: what the feed and the article page have in common. */
export type AnyArticle = ArticleSummary | Article;
