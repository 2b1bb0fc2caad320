import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { Router } from '@angular/router';
import { ProfilesApi } from '../core/api/profiles-api';
import type { Profile } from '../core/api/models';
import { SessionStore } from '../core/auth/session.store';

/** "Follow {username}" / "Unfollow {username}" (the UI contract). */
@Component({
  selector: 'app-follow-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      class="btn btn-sm action-btn"
      [class.btn-outline-secondary]="!profile().following"
      [class.btn-secondary]="profile().following"
      [attr.aria-pressed]="profile().following"
      [disabled]="busy()"
      (click)="toggle()"
    >
      <i class="ion-plus-round" aria-hidden="true"></i>
      &nbsp;{{ profile().following ? 'Unfollow' : 'Follow' }} {{ profile().username }}
    </button>
  `,
})
export class FollowButton {
  private readonly api = inject(ProfilesApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  readonly profile = input.required<Profile>();
  readonly changed = output<Profile>();
  protected readonly busy = signal(false);

  protected toggle(): void {
    if (!this.session.isAuthenticated()) {
      void this.router.navigateByUrl('/login');
      return;
    }
    const { username, following } = this.profile();
    this.busy.set(true);
    this.api.setFollowing(username, !following).subscribe({
      next: (profile) => {
        this.busy.set(false);
        this.changed.emit(profile);
      },
      error: () => this.busy.set(false),
    });
  }
}
