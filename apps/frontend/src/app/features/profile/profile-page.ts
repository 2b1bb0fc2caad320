import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { ProfilesApi } from '../../core/api/profiles-api';
import { errorMessages } from '../../core/api/api-errors';
import { SessionStore } from '../../core/auth/session.store';
import { ArticleList, type ArticleFilter } from '../../shared/article-list';
import { AvatarPipe } from '../../shared/avatar.pipe';
import { ErrorList } from '../../shared/error-list';
import { FollowButton } from '../../shared/follow-button';
import { pageFromQuery } from '../../shared/pagination';

/** `/profile/:username` (their articles) and `/profile/:username/favorites`, each with `?page=N`. */
@Component({
  selector: 'app-profile-page',
  imports: [RouterLink, ArticleList, AvatarPipe, ErrorList, FollowButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="profile-page">
      <div class="user-info">
        <div class="container">
          <div class="row">
            <div class="col-xs-12 col-md-10 offset-md-1">
              @if (profile.isLoading()) {
                <div role="status">Loading profile…</div>
              } @else if (profile.error()) {
                <h1>Profile unavailable</h1>
                <app-error-list [errors]="loadErrors()" />
              } @else if (profile.hasValue()) {
                @let user = profile.value();
                <img [src]="user.image | avatar" class="user-img" alt="" width="100" height="100" />
                <h4>{{ user.username }}</h4>
                @if (user.bio) {
                  <p>{{ user.bio }}</p>
                }
                @if (isSelf()) {
                  <a class="btn btn-sm btn-outline-secondary action-btn" routerLink="/settings">
                    <i class="ion-gear-a" aria-hidden="true"></i>&nbsp;Edit Profile Settings
                  </a>
                } @else {
                  <app-follow-button [profile]="user" (changed)="profile.set($event)" />
                }
              }
            </div>
          </div>
        </div>
      </div>

      <div class="container">
        <div class="row">
          <div class="col-xs-12 col-md-10 offset-md-1">
            <div class="articles-toggle">
              <ul class="nav nav-pills outline-active" aria-label="Articles">
                <li class="nav-item">
                  <a
                    class="nav-link"
                    [class.active]="tab() === 'articles'"
                    [attr.aria-current]="tab() === 'articles' ? 'page' : null"
                    [routerLink]="['/profile', username()]"
                    >My Articles</a
                  >
                </li>
                <li class="nav-item">
                  <a
                    class="nav-link"
                    [class.active]="tab() === 'favorites'"
                    [attr.aria-current]="tab() === 'favorites' ? 'page' : null"
                    [routerLink]="['/profile', username(), 'favorites']"
                    >Favorited Articles</a
                  >
                </li>
              </ul>
            </div>
            <app-article-list [filter]="filter()" [page]="pageNumber()" />
          </div>
        </div>
      </div>
    </div>
  `,
})
export class ProfilePage {
  private readonly api = inject(ProfilesApi);
  private readonly session = inject(SessionStore);

  /** Route parameter, route data and query parameter, bound by the router. */
  readonly username = input.required<string>();
  readonly tab = input<'articles' | 'favorites'>('articles');
  readonly page = input<string>();

  protected readonly profile = rxResource({
    params: () => this.username(),
    stream: ({ params: username }) => this.api.get(username),
  });
  protected readonly loadErrors = computed(() => errorMessages(this.profile.error()));
  protected readonly isSelf = computed(() => this.session.username() === this.username());
  protected readonly pageNumber = computed(() => pageFromQuery(this.page()));
  protected readonly filter = computed<ArticleFilter>(() =>
    this.tab() === 'favorites' ? { favorited: this.username() } : { author: this.username() },
  );
}
