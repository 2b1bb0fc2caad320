import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, Router, type RouterStateSnapshot, UrlTree } from '@angular/router';
import { firstValueFrom, isObservable, of, type Observable } from 'rxjs';
import { authGuard, followingFeedGuard, guestGuard } from './auth.guard';
import { SessionStore } from './session.store';
import { TOKEN_KEY } from './token-storage';
import { provideApiTesting } from '../../../testing/providers';

type GuardResult = boolean | UrlTree;

function run(guard: typeof authGuard, url = '/settings'): Promise<GuardResult> {
  const route = {
    queryParamMap: TestBed.inject(Router).parseUrl(url).queryParamMap,
  } as ActivatedRouteSnapshot;
  const result = TestBed.runInInjectionContext(() => guard(route, {} as RouterStateSnapshot)) as
    GuardResult | Observable<GuardResult>;
  return firstValueFrom(isObservable(result) ? result : of(result));
}

describe('auth guards', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: provideApiTesting(),
    });
  });

  it('sends a signed-out visitor of a private page to /login', async () => {
    const result = await run(authGuard);
    expect(result).toBeInstanceOf(UrlTree);
    expect(String(result)).toBe('/login');
  });

  it('lets a signed-out visitor see login and register', async () => {
    expect(await run(guestGuard)).toBe(true);
  });

  it('waits for a stored token to be checked before deciding', async () => {
    localStorage.setItem(TOKEN_KEY, 'jwt');
    const session = TestBed.inject(SessionStore);
    session.restore();
    let settled: GuardResult | undefined;
    void run(authGuard).then((r) => (settled = r));
    await Promise.resolve();
    expect(settled).toBeUndefined();

    TestBed.inject(HttpTestingController)
      .expectOne('/api/user')
      .flush({ user: { email: 'a@b.c', token: 'jwt', username: 'a', bio: null, image: null } });
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
    expect(settled).toBe(true);
    expect(String(await run(guestGuard))).toBe('/');
  });

  it('sends a signed-out reader of /?feed=following to /login, and lets the global feed through', async () => {
    expect(String(await run(followingFeedGuard, '/?feed=following'))).toBe('/login');
    expect(await run(followingFeedGuard, '/')).toBe(true);
    expect(await run(followingFeedGuard, '/?page=2')).toBe(true);
  });

  it('keeps waiting while the server cannot check the token, and lets the user in once it can', async () => {
    vi.useFakeTimers();
    try {
      localStorage.setItem(TOKEN_KEY, 'jwt');
      TestBed.inject(SessionStore).restore();
      const backend = TestBed.inject(HttpTestingController);
      backend.expectOne('/api/user').flush('down', { status: 503, statusText: 'Service Unavailable' });
      let settled: GuardResult | undefined;
      void run(followingFeedGuard, '/?feed=following').then((r) => (settled = r));
      await vi.advanceTimersByTimeAsync(0);
      expect(TestBed.inject(SessionStore).state()).toBe('unavailable');
      expect(settled).toBeUndefined();

      await vi.advanceTimersByTimeAsync(1_000);
      backend
        .expectOne('/api/user')
        .flush({ user: { email: 'a@b.c', token: 'jwt', username: 'a', bio: null, image: null } });
      TestBed.tick();
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
