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
  templateUrl: './profile-page.html',
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
