import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { authTokenInterceptor } from '../auth/auth-token.interceptor';
import { SessionStore } from '../auth/session.store';
import { TOKEN_KEY } from '../auth/token-storage';
import { API_URL } from './api.config';
import { apiUrlInterceptor } from './api-url.interceptor';

describe('HTTP interceptors', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  function setUp(apiUrl = '/api'): void {
    TestBed.configureTestingModule({
      providers: [
        { provide: API_URL, useValue: apiUrl },
        provideHttpClient(withInterceptors([apiUrlInterceptor, authTokenInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => backend.verify());

  it('prefixes API paths with the configured base', () => {
    setUp('https://api.example.test/api');
    http.get('/tags').subscribe();
    backend.expectOne('https://api.example.test/api/tags').flush({ tags: [] });
  });

  it('leaves absolute URLs and assets alone', () => {
    setUp();
    http.get('https://elsewhere.test/x').subscribe();
    const request = backend.expectOne('https://elsewhere.test/x');
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush({});
  });

  it('sends the stored token as "Token <jwt>" to the API only', () => {
    localStorage.setItem(TOKEN_KEY, 'jwt-1');
    setUp();
    http.get('/user').subscribe();
    const request = backend.expectOne('/api/user');
    expect(request.request.headers.get('Authorization')).toBe('Token jwt-1');
    request.flush({});
  });

  it('sends no Authorization header without a token', () => {
    setUp();
    http.get('/articles').subscribe();
    const request = backend.expectOne('/api/articles');
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush({ articles: [], articlesCount: 0 });
  });

  it('ends the session when the API answers 401 to a signed request', () => {
    localStorage.setItem(TOKEN_KEY, 'expired');
    setUp();
    const session = TestBed.inject(SessionStore);
    let failed = false;
    http.get('/articles/feed').subscribe({ error: () => (failed = true) });
    backend
      .expectOne('/api/articles/feed')
      .flush({ errors: { token: ['is invalid'] } }, { status: 401, statusText: 'Unauthorized' });
    expect(failed).toBe(true);
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(session.state()).toBe('unauthenticated');
  });

  it('keeps the session on other errors', () => {
    localStorage.setItem(TOKEN_KEY, 'jwt-2');
    setUp();
    http.delete('/articles/x').subscribe({ error: () => undefined });
    backend
      .expectOne('/api/articles/x')
      .flush({ errors: { article: ['forbidden'] } }, { status: 403, statusText: 'Forbidden' });
    expect(localStorage.getItem(TOKEN_KEY)).toBe('jwt-2');
  });
});
