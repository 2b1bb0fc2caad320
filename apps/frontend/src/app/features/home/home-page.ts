import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { SessionStore } from '../../core/auth/session.store';
import { AppLink } from '../../shared/app-link';
import { ArticleList, type ArticleFilter } from '../../shared/article-list';
import { LoadError } from '../../shared/load-error';
import { pageFromQuery } from '../../shared/pagination';
import { TagsApi } from './tags-api';

/** `/`, `/?feed=following`, `/tag/:tag`, each with `?page=N`: the URL alone decides what is shown. */
@Component({
  selector: 'app-home-page',
  imports: [RouterLink, AppLink, ArticleList, LoadError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home-page.html',
})
export class HomePage {
  protected readonly session = inject(SessionStore);
  private readonly tagsApi = inject(TagsApi);

  /** Route and query parameters, bound by the router. */
  readonly tag = input<string>();
  readonly page = input<string>();
  readonly feed = input<string>();

  protected readonly currentFeed = computed(() => {
    if (this.tag()) return 'tag';
    return this.feed() === 'following' ? 'following' : 'global';
  });
  protected readonly pageNumber = computed(() => pageFromQuery(this.page()));
  protected readonly filter = computed<ArticleFilter>(() => {
    const tag = this.tag();
    if (tag) return { tag };
    return this.currentFeed() === 'following' ? { feed: 'following' } : {};
  });

  protected readonly tags = rxResource({ stream: () => this.tagsApi.list() });
}
