import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { Router } from '@angular/router';
import { ArticlesApi } from '../core/api/articles-api';
import type { AnyArticle, Article } from '../core/api/models';
import { SessionStore } from '../core/auth/session.store';
import { ErrorList } from './error-list';
import { Submission } from './submission';

/**
 * Favourite / un-favourite. `.btn-outline-primary` when not favourited, `.btn-primary` when it is
 * (the UI contract). Compact: the heart and the count only, as in the feed. A failure is shown under it.
 */
@Component({
  selector: 'app-favorite-button',
  imports: [ErrorList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'favorite-host' },
  template: `
    <button
      type="button"
      class="btn btn-sm"
      [class.btn-outline-primary]="!article().favorited"
      [class.btn-primary]="article().favorited"
      [class.pull-xs-right]="compact()"
      [attr.aria-pressed]="article().favorited"
      [attr.aria-label]="compact() ? label() : null"
      [disabled]="submission.busy()"
      (click)="toggle()"
    >
      <i class="ion-heart" aria-hidden="true"></i>
      @if (compact()) {
        {{ article().favoritesCount }}
      } @else {
        &nbsp;{{ article().favorited ? 'Unfavorite' : 'Favorite' }} Article
        <span class="counter">({{ article().favoritesCount }})</span>
      }
    </button>
    <app-error-list class="action-errors" [errors]="submission.errors()" />
  `,
})
export class FavoriteButton {
  private readonly api = inject(ArticlesApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  readonly article = input.required<AnyArticle>();
  readonly compact = input(false);
  readonly changed = output<Article>();
  protected readonly submission = new Submission();

  protected label(): string {
    const { favorited, favoritesCount, title } = this.article();
    return `${favorited ? 'Unfavorite' : 'Favorite'} "${title}", ${favoritesCount} favorites`;
  }

  protected toggle(): void {
    if (!this.session.isAuthenticated()) {
      void this.router.navigateByUrl('/login');
      return;
    }
    const { slug, favorited } = this.article();
    this.submission.run(this.api.setFavorite(slug, !favorited), (article) => this.changed.emit(article));
  }
}
