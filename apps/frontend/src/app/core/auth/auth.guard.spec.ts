import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, type RouterStateSnapshot, UrlTree } from '@angular/router';
import { firstValueFrom, isObservable, of, type Observable } from 'rxjs';
import { authGuard, guestGuard } from './auth.guard';
import { SessionStore } from './session.store';
import { TOKEN_KEY } from './token-storage';
import { provideApiTesting } from '../../../testing/providers';

type GuardResult = boolean | UrlTree;

function run(guard: typeof authGuard): Promise<GuardResult> {
  const result = TestBed.runInInjectionContext(() =>
    guard({} as ActivatedRouteSnapshot, {} as RouterStateSnapshot),
  ) as GuardResult | Observable<GuardResult>;
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
});
