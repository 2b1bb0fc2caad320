import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { User } from '../api/models';
import { exposeConduitDebug } from './conduit-debug';
import { SessionStore, USER_CHECK_TIMEOUT_MS, retryDelayMs } from './session.store';
import { TOKEN_KEY } from './token-storage';
import { provideApiTesting } from '../../../testing/providers';

const jake: User = { email: 'jake@jake.jake', token: 'jwt-jake', username: 'jake', bio: null, image: null };

describe('SessionStore', () => {
  let backend: HttpTestingController;

  function create(): SessionStore {
    TestBed.configureTestingModule({
      providers: provideApiTesting(),
    });
    backend = TestBed.inject(HttpTestingController);
    return TestBed.inject(SessionStore);
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => backend.verify());

  it('starts signed out without a stored token and asks nothing', () => {
    const session = create();
    session.restore();
    expect(session.state()).toBe('unauthenticated');
    expect(session.user()).toBeNull();
  });

  it('restores the user of a stored token', () => {
    localStorage.setItem(TOKEN_KEY, 'jwt-jake');
    const session = create();
    expect(session.state()).toBe('loading');
    session.restore();
    backend.expectOne('/api/user').flush({ user: jake });
    expect(session.state()).toBe('authenticated');
    expect(session.username()).toBe('jake');
  });

  it('forgets a token the server rejects', () => {
    localStorage.setItem(TOKEN_KEY, 'stale');
    const session = create();
    session.restore();
    backend
      .expectOne('/api/user')
      .flush({ errors: { token: ['is invalid'] } }, { status: 401, statusText: 'x' });
    expect(session.state()).toBe('unauthenticated');
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it.each([
    [400, 'Bad Request'],
    [403, 'Forbidden'],
    [404, 'Not Found'],
  ])('forgets the token on any other rejection of it (%i)', (status, statusText) => {
    localStorage.setItem(TOKEN_KEY, 'stale');
    const session = create();
    session.restore();
    backend.expectOne('/api/user').flush({ errors: { token: ['is invalid'] } }, { status, statusText });
    expect(session.state()).toBe('unauthenticated');
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  describe('when the server cannot answer', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    const failures: [string, (request: ReturnType<HttpTestingController['expectOne']>) => void][] = [
      ['a 503', (r) => r.flush('down', { status: 503, statusText: 'Service Unavailable' })],
      ['a 500', (r) => r.flush({ errors: { server: ['boom'] } }, { status: 500, statusText: 'x' })],
      ['a network failure', (r) => r.error(new ProgressEvent('error'), { status: 0, statusText: '' })],
      ['a body without a user', (r) => r.flush({ unexpected: true })],
      ['a body that is not JSON', (r) => r.flush('<html>proxy</html>')],
    ];

    it.each(failures)('keeps the token, says "unavailable" after %s and retries', (_name, fail) => {
      localStorage.setItem(TOKEN_KEY, 'jwt-jake');
      const session = create();
      session.restore();
      fail(backend.expectOne('/api/user'));
      expect(session.state()).toBe('unavailable');
      expect(localStorage.getItem(TOKEN_KEY)).toBe('jwt-jake');
      expect(session.token()).toBe('jwt-jake');

      vi.advanceTimersByTime(retryDelayMs(1));
      backend.expectOne('/api/user').flush({ user: jake });
      expect(session.state()).toBe('authenticated');
      expect(session.username()).toBe('jake');
    });

    it('counts a check that takes too long as unreachable', () => {
      localStorage.setItem(TOKEN_KEY, 'jwt-jake');
      const session = create();
      session.restore();
      const first = backend.expectOne('/api/user');
      vi.advanceTimersByTime(USER_CHECK_TIMEOUT_MS);
      expect(first.cancelled).toBe(true);
      expect(session.state()).toBe('unavailable');
      vi.advanceTimersByTime(retryDelayMs(1));
      backend
        .expectOne('/api/user')
        .flush({ errors: { token: ['expired'] } }, { status: 401, statusText: 'x' });
      expect(session.state()).toBe('unauthenticated');
      expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    });

    it('waits longer after each failure, and stops asking once the user signs out', () => {
      localStorage.setItem(TOKEN_KEY, 'jwt-jake');
      const session = create();
      session.restore();
      backend.expectOne('/api/user').flush('down', { status: 502, statusText: 'Bad Gateway' });
      vi.advanceTimersByTime(retryDelayMs(1));
      backend.expectOne('/api/user').flush('down', { status: 502, statusText: 'Bad Gateway' });
      vi.advanceTimersByTime(retryDelayMs(2) - 1);
      backend.expectNone('/api/user');
      vi.advanceTimersByTime(1);
      backend.expectOne('/api/user').flush('down', { status: 502, statusText: 'Bad Gateway' });

      session.signOut();
      vi.advanceTimersByTime(60_000);
      backend.expectNone('/api/user');
      expect(session.state()).toBe('unauthenticated');
    });
  });

  it('backs off 1 s, 2 s, 4 s … and never more than 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelayMs)).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('stores the token on login and removes it on sign-out', () => {
    const session = create();
    session.login('jake@jake.jake', 'secret123').subscribe();
    const request = backend.expectOne('/api/users/login');
    expect(request.request.body).toEqual({ user: { email: 'jake@jake.jake', password: 'secret123' } });
    request.flush({ user: jake });
    expect(localStorage.getItem(TOKEN_KEY)).toBe('jwt-jake');
    expect(session.isAuthenticated()).toBe(true);

    session.signOut();
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(session.user()).toBeNull();
  });

  it('stays signed out when login fails', () => {
    const session = create();
    let error: unknown;
    session.login('jake@jake.jake', 'wrong').subscribe({ error: (e: unknown) => (error = e) });
    backend
      .expectOne('/api/users/login')
      .flush({ errors: { credentials: ['invalid'] } }, { status: 401, statusText: 'Unauthorized' });
    expect(error).toBeDefined();
    expect(session.state()).toBe('unauthenticated');
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('registers and takes the updated user after a settings change', () => {
    const session = create();
    session.register('jake', 'jake@jake.jake', 'secret123').subscribe();
    backend.expectOne({ method: 'POST', url: '/api/users' }).flush({ user: jake });
    session.update({ bio: 'I work at statefarm' }).subscribe();
    const put = backend.expectOne({ method: 'PUT', url: '/api/user' });
    expect(put.request.body).toEqual({ user: { bio: 'I work at statefarm' } });
    put.flush({ user: { ...jake, bio: 'I work at statefarm', token: 'jwt-new' } });
    expect(session.user()?.bio).toBe('I work at statefarm');
    expect(localStorage.getItem(TOKEN_KEY)).toBe('jwt-new');
  });

  it('exposes window.__conduit_debug__ for the browser tests', () => {
    const session = create();
    const target = {} as Window;
    exposeConduitDebug(session, target);
    expect(target.__conduit_debug__?.getAuthState()).toBe('unauthenticated');
    expect(target.__conduit_debug__?.getCurrentUser()).toBeNull();
    session.login('jake@jake.jake', 'secret123').subscribe();
    backend.expectOne('/api/users/login').flush({ user: jake });
    expect(target.__conduit_debug__?.getToken()).toBe('jwt-jake');
    expect(target.__conduit_debug__?.getAuthState()).toBe('authenticated');
    expect(target.__conduit_debug__?.getCurrentUser()).toEqual(jake);
  });
});
