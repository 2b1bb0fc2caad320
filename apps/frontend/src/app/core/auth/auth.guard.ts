import { inject } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { type CanActivateFn, Router, type UrlTree } from '@angular/router';
import { filter, map, type Observable, take } from 'rxjs';
import { SessionStore } from './session.store';

/** Waits while a stored token is being checked, then answers with the settled state. */
function whenSettled(check: (authenticated: boolean) => boolean | UrlTree): Observable<boolean | UrlTree> {
  const session = inject(SessionStore);
  return toObservable(session.state).pipe(
    filter((state) => state !== 'loading'),
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
