import { inject } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { type CanActivateFn, Router, type UrlTree } from '@angular/router';
import { filter, map, type Observable, take } from 'rxjs';
import { SessionStore } from './session.store';

/**
 * Waits until the server has said whether a stored token is good: while it is being checked (`loading`)
 * and while the server cannot be reached (`unavailable`, the token is kept and checked again).
 */
function whenSettled(check: (authenticated: boolean) => boolean | UrlTree): Observable<boolean | UrlTree> {
  const session = inject(SessionStore);
  return toObservable(session.state).pipe(
    filter((state) => state === 'authenticated' || state === 'unauthenticated'),
    take(1),
    map((state) => check(state === 'authenticated')),
  );
}

/** Pages for signed-in users (editor, settings): others go to the login page. */
export const authGuard: CanActivateFn = () => {
  const router = inject(Router);
  return whenSettled((authenticated) => authenticated || router.parseUrl('/login'));
};

/** Login and register: a signed-in user goes home instead. */
export const guestGuard: CanActivateFn = () => {
  const router = inject(Router);
  return whenSettled((authenticated) => !authenticated || router.parseUrl('/'));
};

/** `/?feed=following` is the signed-in user's own feed: a signed-out reader goes to the login page. */
export const followingFeedGuard: CanActivateFn = (route) => {
  if (route.queryParamMap.get('feed') !== 'following') return true;
  const router = inject(Router);
  return whenSettled((authenticated) => authenticated || router.parseUrl('/login'));
};
