import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import type { UserUpdate } from '../../core/api/models';
import { SessionStore } from '../../core/auth/session.store';
import { ErrorList } from '../../shared/error-list';
import { Submission } from '../../shared/submission';

/** The settings form, in the spec's order; `label` names each field for screen readers. */
const FIELDS = [
  {
    name: 'image',
    type: 'url',
    placeholder: 'URL of profile picture',
    label: 'URL of profile picture',
    autocomplete: 'photo',
  },
  { name: 'username', type: 'text', placeholder: 'Your Name', label: 'Username', autocomplete: 'username' },
  {
    name: 'bio',
    type: 'text',
    placeholder: 'Short bio about you',
    label: 'Short bio about you',
    autocomplete: 'off',
  },
  { name: 'email', type: 'email', placeholder: 'Email', label: 'Email', autocomplete: 'email' },
  {
    name: 'password',
    type: 'password',
    placeholder: 'New Password',
    label: 'New Password',
    autocomplete: 'new-password',
  },
] as const;

@Component({
  selector: 'app-settings-page',
  imports: [ReactiveFormsModule, ErrorList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './settings-page.html',
})
export class SettingsPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly fields = FIELDS;
  protected readonly submission = new Submission();

  // The guard lets only signed-in users here, so the user is known.
  private readonly user = this.session.user();
  protected readonly form = inject(NonNullableFormBuilder).group({
    image: [this.user?.image ?? ''],
    username: [this.user?.username ?? ''],
    bio: [this.user?.bio ?? ''],
    email: [this.user?.email ?? ''],
    password: [''],
  });

  protected save(): void {
    const { image, username, bio, email, password } = this.form.getRawValue();
    const changes: UserUpdate = {
      image: image.trim() || null,
      username: username.trim(),
      bio: bio.trim() || null,
      email: email.trim(),
      ...(password ? { password } : {}),
    };
    this.submission.run(
      this.session.update(changes),
      (user) => void this.router.navigate(['/profile', user.username]),
    );
  }

  protected logout(): void {
    this.session.signOut();
    void this.router.navigateByUrl('/');
  }
}
