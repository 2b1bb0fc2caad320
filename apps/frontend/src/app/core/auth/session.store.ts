import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { type Observable, type Subscription, retry, tap, throwError, timeout, timer } from 'rxjs';
import type { User } from '../api/models';
import type { AuthState } from './conduit-debug';
import { AuthApi } from './auth-api';
import { TokenStorage } from './token-storage';

/** How long the start-up check of a stored token may take before the server counts as unreachable. */
export const USER_CHECK_TIMEOUT_MS = 10_000;
/** Retries of that check while the server is unreachable: 1 s, 2 s, 4 s … up to 30 s apart. */
export function retryDelayMs(attempt: number): number {
  return Math.min(1_000 * 2 ** (attempt - 1), 30_000);
}

/**
 * The server looked at the token and said no: 4xx. 408 (timeout) and 429 (rate limit) say nothing about the
 * token, so they count as "try again later", as do 5xx, network failures, timeouts and malformed answers.
 */
function rejectsToken(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 408 &&
    error.status !== 429
  );
}

/** Who is signed in. The only place that reads or writes the token. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(AuthApi);
  private readonly storage = inject(TokenStorage);

  private readonly userState = signal<User | null>(null);
  private readonly stateSignal = signal<AuthState>(this.storage.get() ? 'loading' : 'unauthenticated');
  private restoring?: Subscription;

  readonly user = this.userState.asReadonly();
  readonly state = this.stateSignal.asReadonly();
  readonly isAuthenticated = computed(() => this.stateSignal() === 'authenticated');
  readonly username = computed(() => this.userState()?.username ?? null);

  token(): string | null {
    return this.userState()?.token ?? this.storage.get();
  }

  /**
   * On start-up: turn a stored token into a user, or forget it when the server rejects it. While the server
   * cannot answer, the token is kept, the state is `unavailable` and the check is retried with backoff.
   */
  restore(): void {
    if (!this.storage.get()) {
      this.stateSignal.set('unauthenticated');
      return;
    }
    this.stateSignal.set('loading');
    this.restoring?.unsubscribe();
    this.restoring = this.api
      .current()
      .pipe(
        timeout(USER_CHECK_TIMEOUT_MS),
        tap({
          error: (error: unknown) => {
            if (!rejectsToken(error)) this.stateSignal.set('unavailable');
          },
        }),
        retry({
          delay: (error: unknown, attempt) =>
            rejectsToken(error) ? throwError(() => error) : timer(retryDelayMs(attempt)),
        }),
      )
      .subscribe({ next: (user) => this.signIn(user), error: () => this.signOut() });
  }

  login(email: string, password: string): Observable<User> {
    return this.api.login({ email, password }).pipe(tap((user) => this.signIn(user)));
  }

  register(username: string, email: string, password: string): Observable<User> {
    return this.api.register({ username, email, password }).pipe(tap((user) => this.signIn(user)));
  }

  update(changes: Parameters<AuthApi['update']>[0]): Observable<User> {
    return this.api.update(changes).pipe(tap((user) => this.signIn(user)));
  }

  signOut(): void {
    this.restoring?.unsubscribe();
    this.storage.clear();
    this.userState.set(null);
    this.stateSignal.set('unauthenticated');
  }

  private signIn(user: User): void {
    this.restoring?.unsubscribe();
    this.storage.set(user.token);
    this.userState.set(user);
    this.stateSignal.set('authenticated');
  }
}
