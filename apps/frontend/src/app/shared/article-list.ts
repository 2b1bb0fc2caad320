import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { ArticlesApi } from '../core/api/articles-api';
import type { Article, ArticleQuery } from '../core/api/models';
import { errorMessages } from '../core/api/api-errors';
import { AppLink } from './app-link';
import { ArticleMeta } from './article-meta';
import { FavoriteButton } from './favorite-button';
import { LoadError } from './load-error';
import { Pagination } from './pagination';

export const PAGE_SIZE = 10;
/**
 * Rows added per task when a page arrives: ten rows in one go are one long task on a phone (the whole
 * page unresponsive); three at a time are short ones, and the first three fill the screen.
 */
export const ROWS_PER_TASK = 3;

export type ArticleFilter = Omit<ArticleQuery, 'limit' | 'offset'>;

/** One page of articles for a filter, with loading, error and empty states and the page links. */
@Component({
  selector: 'app-article-list',
  imports: [RouterLink, AppLink, ArticleMeta, FavoriteButton, LoadError, Pagination],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './article-list.html',
})
export class ArticleList {
  private readonly api = inject(ArticlesApi);

  readonly filter = input.required<ArticleFilter>();
  readonly page = input(1);
  protected readonly pageSize = PAGE_SIZE;

  protected readonly articles = rxResource({
    params: () => ({ ...this.filter(), limit: PAGE_SIZE, offset: (this.page() - 1) * PAGE_SIZE }),
    stream: ({ params }) => this.api.list(params),
  });

  protected readonly errorText = computed(() => errorMessages(this.articles.error()).join(' '));

  /** Back to the first rows whenever a new page loads (not when a favourite updates a row). */
  protected readonly shownRows = linkedSignal({
    source: this.articles.isLoading,
    computation: () => ROWS_PER_TASK,
  });

  constructor() {
    effect((onCleanup) => {
      const shown = this.shownRows();
      if (shown >= PAGE_SIZE) return;
      const next = setTimeout(() => this.shownRows.set(shown + ROWS_PER_TASK));
      onCleanup(() => clearTimeout(next));
    });
  }

  protected replace(updated: Article): void {
    this.articles.update(
      (page) =>
        page && {
          ...page,
          articles: page.articles.map((a) => (a.slug === updated.slug ? { ...a, ...updated } : a)),
        },
    );
  }
}
