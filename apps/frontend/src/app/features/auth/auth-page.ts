import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { SessionStore } from '../../core/auth/session.store';
import { ErrorList } from '../../shared/error-list';
import { Submission } from '../../shared/submission';

type Field = 'username' | 'email' | 'password';

const FIELDS: Record<Field, { type: string; placeholder: string; autocomplete: string }> = {
  username: { type: 'text', placeholder: 'Username', autocomplete: 'username' },
  email: { type: 'email', placeholder: 'Email', autocomplete: 'email' },
  password: { type: 'password', placeholder: 'Password', autocomplete: 'current-password' },
};

/** Sign in (`/login`) and sign up (`/register`); the route's `data.mode` picks which. */
@Component({
  selector: 'app-auth-page',
  imports: [ReactiveFormsModule, RouterLink, ErrorList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './auth-page.html',
})
export class AuthPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  /** From the route's data. */
  readonly mode = input<'login' | 'register'>('login');
  protected readonly isRegister = computed(() => this.mode() === 'register');
  protected readonly fields = FIELDS;
  protected readonly fieldNames = computed<Field[]>(() =>
    this.isRegister() ? ['username', 'email', 'password'] : ['email', 'password'],
  );
  protected readonly submission = new Submission();

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: [''],
    email: [''],
    password: [''],
  });

  protected submit(): void {
    const { username, email, password } = this.form.getRawValue();
    const blank = this.fieldNames().filter((name) => !this.form.getRawValue()[name].trim());
    if (blank.length > 0) {
      this.submission.reject(blank.map((name) => `${name} can't be blank`));
      return;
    }
    const request = this.isRegister()
      ? this.session.register(username.trim(), email.trim(), password)
      : this.session.login(email.trim(), password);
    this.submission.run(request, () => void this.router.navigateByUrl('/'));
  }
}
