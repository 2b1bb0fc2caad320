import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { Router } from '@angular/router';
import { ProfilesApi } from '../core/api/profiles-api';
import type { Profile } from '../core/api/models';
import { SessionStore } from '../core/auth/session.store';
import { ErrorList } from './error-list';
import { Submission } from './submission';

/** "Follow {username}" / "Unfollow {username}" (the UI contract). A failure is shown under it. */
@Component({
  selector: 'app-follow-button',
  imports: [ErrorList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      class="btn btn-sm action-btn"
      [class.btn-outline-secondary]="!profile().following"
      [class.btn-secondary]="profile().following"
      [attr.aria-pressed]="profile().following"
      [disabled]="submission.busy()"
      (click)="toggle()"
    >
      <i class="ion-plus-round" aria-hidden="true"></i>
      &nbsp;{{ profile().following ? 'Unfollow' : 'Follow' }} {{ profile().username }}
    </button>
    <app-error-list class="action-errors" [errors]="submission.errors()" />
  `,
})
export class FollowButton {
  private readonly api = inject(ProfilesApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  readonly profile = input.required<Profile>();
  readonly changed = output<Profile>();
  protected readonly submission = new Submission();

  protected toggle(): void {
    if (!this.session.isAuthenticated()) {
      void this.router.navigateByUrl('/login');
      return;
    }
    const { username, following } = this.profile();
    this.submission.run(this.api.setFollowing(username, !following), (profile) => this.changed.emit(profile));
  }
}
