import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { SessionStore } from '../../core/auth/session.store';
import { ArticleList, type ArticleFilter } from '../../shared/article-list';
import { LoadError } from '../../shared/load-error';
import { pageFromQuery } from '../../shared/pagination';
import { TagsApi } from './tags-api';

/** `/`, `/?feed=following`, `/tag/:tag`, each with `?page=N`: the URL alone decides what is shown. */
@Component({
  selector: 'app-home-page',
  imports: [RouterLink, ArticleList, LoadError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="home-page">
      @if (!session.isAuthenticated()) {
        <div class="banner">
          <div class="container">
            <h1 class="logo-font">conduit</h1>
            <p>A place to share your knowledge.</p>
          </div>
        </div>
      } @else {
        <h1 class="sr-only">Conduit</h1>
      }

      <div class="container page">
        <div class="row">
          <div class="col-md-9">
            <div class="feed-toggle">
              <ul class="nav nav-pills outline-active" aria-label="Feeds">
                @if (session.isAuthenticated()) {
                  <li class="nav-item">
                    <a
                      class="nav-link"
                      [class.active]="feed() === 'following'"
                      [attr.aria-current]="feed() === 'following' ? 'page' : null"
                      routerLink="/"
                      [queryParams]="{ feed: 'following' }"
                      >Your Feed</a
                    >
                  </li>
                }
                <li class="nav-item">
                  <a
                    class="nav-link"
                    [class.active]="feed() === 'global'"
                    [attr.aria-current]="feed() === 'global' ? 'page' : null"
                    routerLink="/"
                    >Global Feed</a
                  >
                </li>
                @if (tag(); as tag) {
                  <li class="nav-item">
                    <a class="nav-link active" aria-current="page" [routerLink]="['/tag', tag]">
                      <i class="ion-pound" aria-hidden="true"></i> {{ tag }}
                    </a>
                  </li>
                }
              </ul>
            </div>

            @if (feed() === 'following' && !session.isAuthenticated()) {
              @if (session.state() === 'loading') {
                <div class="feed-status" role="status">Loading articles…</div>
              } @else {
                <div class="empty-feed-message">
                  <a routerLink="/login">Sign in</a> to see articles from the authors you follow.
                </div>
              }
            } @else {
              <app-article-list [filter]="filter()" [page]="pageNumber()" />
            }
          </div>

          <div class="col-md-3">
            <aside class="sidebar" aria-labelledby="popular-tags">
              <p id="popular-tags">Popular Tags</p>
              @if (tags.isLoading()) {
                <div role="status">Loading tags…</div>
              } @else if (tags.error()) {
                <app-load-error message="Tags could not be loaded." (retry)="tags.reload()" />
              } @else if (tags.hasValue()) {
                <div class="tag-list">
                  @for (tag of tags.value(); track tag) {
                    <a [routerLink]="['/tag', tag]" class="tag-pill tag-default">{{ tag }}</a>
                  } @empty {
                    <span>No tags are here... yet.</span>
                  }
                </div>
              }
            </aside>
          </div>
        </div>
      </div>
    </div>
  `,
})
export class HomePage {
  protected readonly session = inject(SessionStore);
  private readonly tagsApi = inject(TagsApi);

  /** Route and query parameters, bound by the router. */
  readonly tag = input<string>();
  readonly page = input<string>();
  readonly feedParam = input<string>(undefined, { alias: 'feed' });

  protected readonly feed = computed(() => {
    if (this.tag()) return 'tag';
    return this.feedParam() === 'following' ? 'following' : 'global';
  });
  protected readonly pageNumber = computed(() => pageFromQuery(this.page()));
  protected readonly filter = computed<ArticleFilter>(() => {
    const tag = this.tag();
    if (tag) return { tag };
    return this.feed() === 'following' ? { feed: 'following' } : {};
  });

  protected readonly tags = rxResource({ stream: () => this.tagsApi.list() });
}
