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
  template: `
    <div class="settings-page">
      <div class="container page">
        <div class="row">
          <div class="col-md-6 offset-md-3 col-xs-12">
            <h1 class="text-xs-center">Your Settings</h1>

            <app-error-list [errors]="submission.errors()" />

            <form [formGroup]="form" (ngSubmit)="save()">
              <fieldset [disabled]="submission.busy()">
                @for (field of fields; track field.name) {
                  <fieldset class="form-group">
                    <label class="sr-only" [for]="'settings-' + field.name">{{ field.label }}</label>
                    @if (field.name === 'bio') {
                      <textarea
                        class="form-control form-control-lg"
                        rows="8"
                        [id]="'settings-' + field.name"
                        [name]="field.name"
                        [placeholder]="field.placeholder"
                        [formControlName]="field.name"
                      ></textarea>
                    } @else {
                      <input
                        class="form-control"
                        [class.form-control-lg]="field.name !== 'image'"
                        [id]="'settings-' + field.name"
                        [type]="field.type"
                        [name]="field.name"
                        [placeholder]="field.placeholder"
                        [attr.autocomplete]="field.autocomplete"
                        [formControlName]="field.name"
                      />
                    }
                  </fieldset>
                }
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
