import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { errorMessages } from '../../core/api/api-errors';
import type { UserUpdate } from '../../core/api/models';
import { SessionStore } from '../../core/auth/session.store';
import { ErrorList } from '../../shared/error-list';

@Component({
  selector: 'app-settings-page',
  imports: [ReactiveFormsModule, ErrorList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="settings-page">
      <div class="container page">
        <div class="row">
          <div class="col-md-6 offset-md-3 col-xs-12">
            <h1 class="text-xs-center">Your Settings</h1>

            <app-error-list [errors]="errors()" />

            <form [formGroup]="form" (ngSubmit)="save()">
              <fieldset [disabled]="busy()">
                <fieldset class="form-group">
                  <label class="sr-only" for="settings-image">URL of profile picture</label>
                  <input
                    id="settings-image"
                    class="form-control"
                    type="url"
                    name="image"
                    placeholder="URL of profile picture"
                    formControlName="image"
                  />
                </fieldset>
                <fieldset class="form-group">
                  <label class="sr-only" for="settings-username">Username</label>
                  <input
                    id="settings-username"
                    class="form-control form-control-lg"
                    type="text"
                    name="username"
                    placeholder="Your Name"
                    autocomplete="username"
                    formControlName="username"
                  />
                </fieldset>
                <fieldset class="form-group">
                  <label class="sr-only" for="settings-bio">Short bio about you</label>
                  <textarea
                    id="settings-bio"
                    class="form-control form-control-lg"
                    rows="8"
                    name="bio"
                    placeholder="Short bio about you"
                    formControlName="bio"
                  ></textarea>
                </fieldset>
                <fieldset class="form-group">
                  <label class="sr-only" for="settings-email">Email</label>
                  <input
                    id="settings-email"
                    class="form-control form-control-lg"
                    type="email"
                    name="email"
                    placeholder="Email"
                    autocomplete="email"
                    formControlName="email"
                  />
                </fieldset>
                <fieldset class="form-group">
                  <label class="sr-only" for="settings-password">New Password</label>
                  <input
                    id="settings-password"
                    class="form-control form-control-lg"
                    type="password"
                    name="password"
                    placeholder="New Password"
                    autocomplete="new-password"
                    formControlName="password"
                  />
                </fieldset>
                <button class="btn btn-lg btn-primary pull-xs-right" type="submit">Update Settings</button>
              </fieldset>
            </form>
            <hr />
            <button type="button" class="btn btn-outline-danger" (click)="logout()">
              Or click here to logout.
            </button>
          </div>
        </div>
      </div>
    </div>
  `,
})
export class SettingsPage {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  protected readonly errors = signal<string[]>([]);
  protected readonly busy = signal(false);

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
    this.busy.set(true);
    this.errors.set([]);
    this.session.update(changes).subscribe({
      next: (user) => void this.router.navigate(['/profile', user.username]),
      error: (error: unknown) => {
        this.busy.set(false);
        this.errors.set(errorMessages(error));
      },
    });
  }

  protected logout(): void {
    this.session.signOut();
    void this.router.navigateByUrl('/');
  }
}
