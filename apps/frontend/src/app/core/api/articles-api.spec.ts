import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ArticlesApi } from './articles-api';
import { ProfilesApi } from './profiles-api';
import { provideApiTesting } from '../../../testing/providers';

describe('ArticlesApi and ProfilesApi', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: provideApiTesting(),
    });
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  it('lists the global feed with paging and filters as query parameters', () => {
    TestBed.inject(ArticlesApi).list({ tag: 'dragons', limit: 10, offset: 20 }).subscribe();
    const request = backend.expectOne((r) => r.url === '/api/articles');
    expect(request.request.params.toString()).toBe('tag=dragons&limit=10&offset=20');
    request.flush({ articles: [], articlesCount: 0 });
  });

  it('lists the followed authors from /articles/feed', () => {
    TestBed.inject(ArticlesApi).list({ feed: 'following', limit: 10, offset: 0 }).subscribe();
    const request = backend.expectOne((r) => r.url === '/api/articles/feed');
    expect(request.request.params.toString()).toBe('limit=10&offset=0');
    request.flush({ articles: [], articlesCount: 0 });
  });

  it('escapes slugs and unwraps the article', () => {
    let title = '';
    TestBed.inject(ArticlesApi)
      .get('a b/c')
      .subscribe((a) => (title = a.title));
    backend.expectOne('/api/articles/a%20b%2Fc').flush({ article: { title: 'T' } });
    expect(title).toBe('T');
  });

  it('favourites with POST and un-favourites with DELETE', () => {
    const api = TestBed.inject(ArticlesApi);
    api.setFavorite('s', true).subscribe();
    backend.expectOne({ method: 'POST', url: '/api/articles/s/favorite' }).flush({ article: {} });
    api.setFavorite('s', false).subscribe();
    backend.expectOne({ method: 'DELETE', url: '/api/articles/s/favorite' }).flush({ article: {} });
  });

  it('creates and updates with the article envelope', () => {
    const api = TestBed.inject(ArticlesApi);
    const draft = { title: 't', description: 'd', body: 'b', tagList: ['x'] };
    api.create(draft).subscribe();
    expect(backend.expectOne({ method: 'POST', url: '/api/articles' }).request.body).toEqual({
      article: draft,
    });
    api.update('t', draft).subscribe();
    expect(backend.expectOne({ method: 'PUT', url: '/api/articles/t' }).request.body).toEqual({
      article: draft,
    });
  });

  it('follows with POST and un-follows with DELETE', () => {
    const api = TestBed.inject(ProfilesApi);
    let following: boolean | undefined;
    api.setFollowing('jake', true).subscribe((p) => (following = p.following));
    backend
      .expectOne({ method: 'POST', url: '/api/profiles/jake/follow' })
      .flush({ profile: { following: true } });
    expect(following).toBe(true);
    api.setFollowing('jake', false).subscribe();
    backend.expectOne({ method: 'DELETE', url: '/api/profiles/jake/follow' }).flush({ profile: {} });
  });
});
