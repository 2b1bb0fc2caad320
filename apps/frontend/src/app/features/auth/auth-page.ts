import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { Observable } from 'rxjs';
import { errorMessages } from '../../core/api/api-errors';
import type { User } from '../../core/api/models';
import { SessionStore } from '../../core/auth/session.store';
import { ErrorList } from '../../shared/error-list';

/** Sign in (`/login`) and sign up (`/register`); the route's `data.mode` picks which. */
@Component({
  selector: 'app-auth-page',
  imports: [ReactiveFormsModule, RouterLink, ErrorList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="auth-page">
      <div class="container page">
        <div class="row">
          <div class="col-md-6 offset-md-3 col-xs-12">
            <h1 class="text-xs-center">{{ isRegister() ? 'Sign up' : 'Sign in' }}</h1>
            <p class="text-xs-center">
              @if (isRegister()) {
                <a routerLink="/login">Have an account?</a>
              } @else {
                <a routerLink="/register">Need an account?</a>
              }
            </p>

            <app-error-list [errors]="errors()" />

            <form [formGroup]="form" (ngSubmit)="submit()">
              <fieldset [disabled]="busy()">
                @if (isRegister()) {
                  <fieldset class="form-group">
                    <label class="sr-only" for="auth-username">Username</label>
                    <input
                      id="auth-username"
                      class="form-control form-control-lg"
                      type="text"
                      name="username"
                      placeholder="Username"
                      autocomplete="username"
                      formControlName="username"
                    />
                  </fieldset>
                }
                <fieldset class="form-group">
                  <label class="sr-only" for="auth-email">Email</label>
                  <input
                    id="auth-email"
                    class="form-control form-control-lg"
                    type="email"
                    name="email"
                    placeholder="Email"
                    autocomplete="email"
                    formControlName="email"
                  />
                </fieldset>
                <fieldset class="form-group">
                  <label class="sr-only" for="auth-password">Password</label>
                  <input
                    id="auth-password"
                    class="form-control form-control-lg"
                    type="password"
                    name="password"
                    placeholder="Password"
                    [attr.autocomplete]="isRegister() ? 'new-password' : 'current-password'"
                    formControlName="password"
                  />
                </fieldset>
                <button class="btn btn-lg btn-primary pull-xs-right" type="submit">
                  {{ isRegister() ? 'Sign up' : 'Sign in' }}
                </button>
              </fieldset>
            </form>
          </div>
        </div>
      </div>
    </div>
  `,
})
export class AuthPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  /** From the route's data. */
  readonly mode = input<'login' | 'register'>('login');
  protected readonly isRegister = computed(() => this.mode() === 'register');
  protected readonly errors = signal<string[]>([]);
  protected readonly busy = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: [''],
    email: ['', Validators.required],
    password: ['', Validators.required],
  });

  protected submit(): void {
    const { username, email, password } = this.form.getRawValue();
    const missing = [
      ...(this.isRegister() && !username.trim() ? ["username can't be blank"] : []),
      ...(!email.trim() ? ["email can't be blank"] : []),
      ...(!password ? ["password can't be blank"] : []),
    ];
    if (missing.length > 0) {
      this.errors.set(missing);
      return;
    }
    const request: Observable<User> = this.isRegister()
      ? this.session.register(username.trim(), email.trim(), password)
      : this.session.login(email.trim(), password);
    this.busy.set(true);
    this.errors.set([]);
    request.subscribe({
      next: () => void this.router.navigateByUrl('/'),
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.set(errorMessages(error));
      },
    });
  }
}
