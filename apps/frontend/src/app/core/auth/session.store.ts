import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { type Observable, tap } from 'rxjs';
import type { User } from '../api/models';
import type { AuthState } from './conduit-debug';
import { AuthApi } from './auth-api';
import { TokenStorage } from './token-storage';

/** Who is signed in. The only place that reads or writes the token. */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(AuthApi);
  private readonly storage = inject(TokenStorage);

  private readonly userState = signal<User | null>(null);
  private readonly stateSignal = signal<AuthState>(this.storage.get() ? 'loading' : 'unauthenticated');

  readonly user = this.userState.asReadonly();
  readonly state = this.stateSignal.asReadonly();
  readonly isAuthenticated = computed(() => this.stateSignal() === 'authenticated');
  readonly username = computed(() => this.userState()?.username ?? null);

  token(): string | null {
    return this.userState()?.token ?? this.storage.get();
  }

  /** On start-up: turn a stored token into a user, or forget it when the server rejects it. */
  restore(): void {
    if (!this.storage.get()) {
      this.stateSignal.set('unauthenticated');
      return;
    }
    this.stateSignal.set('loading');
    this.api.current().subscribe({
      next: (user) => this.signIn(user),
      error: (error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 401) this.signOut();
        else this.stateSignal.set('unavailable');
      },
    });
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
    this.storage.clear();
    this.userState.set(null);
    this.stateSignal.set('unauthenticated');
  }

  private signIn(user: User): void {
    this.storage.set(user.token);
    this.userState.set(user);
    this.stateSignal.set('authenticated');
  }
}
