// The test client's bodies come from the contract by route: checked by the compiler (`npm run typecheck`),
// so a route that silently fell back to `unknown` (or matched the wrong pattern) fails the typecheck.
import type {
  ArticleListResponse,
  ArticleResponse,
  CommentListResponse,
  CommentResponse,
  NewComment,
  ProfileResponse,
  UpdateArticle,
  UpdateUser,
  UserResponse,
} from '@proyecto06/contract';
import { expectTypeOf, it } from 'vitest';
import type { Route } from '../helpers.js';

it('types each route from the contract, most specific pattern first', () => {
  expectTypeOf<
    Route<'GET', `/api/articles?tag=${string}`>['response']
  >().toEqualTypeOf<ArticleListResponse>();
  expectTypeOf<Route<'GET', '/api/articles/feed?limit=1'>['response']>().toEqualTypeOf<ArticleListResponse>();
  expectTypeOf<Route<'GET', `/api/articles/${string}`>['response']>().toEqualTypeOf<ArticleResponse>();
  expectTypeOf<Route<'PUT', `/api/articles/${string}`>['request']>().toEqualTypeOf<UpdateArticle>();
  expectTypeOf<
    Route<'GET', `/api/articles/${string}/comments`>['response']
  >().toEqualTypeOf<CommentListResponse>();
  expectTypeOf<Route<'POST', `/api/articles/${string}/comments`>>().toEqualTypeOf<{
    request: NewComment;
    response: CommentResponse;
  }>();
  expectTypeOf<Route<'DELETE', `/api/articles/${string}/comments/${number}`>['response']>().toBeUndefined();
  expectTypeOf<
    Route<'DELETE', `/api/articles/${string}/favorite`>['response']
  >().toEqualTypeOf<ArticleResponse>();
  expectTypeOf<
    Route<'POST', `/api/profiles/${string}/follow`>['response']
  >().toEqualTypeOf<ProfileResponse>();
  expectTypeOf<Route<'PUT', '/api/user'>>().toEqualTypeOf<{ request: UpdateUser; response: UserResponse }>();
  expectTypeOf<Route<'GET', '/health'>['response']>().toBeUnknown();
});
