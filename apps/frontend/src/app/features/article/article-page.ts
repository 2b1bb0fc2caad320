import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { ArticlesApi } from '../../core/api/articles-api';
import { errorMessages } from '../../core/api/api-errors';
import type { Article, Comment, Profile } from '../../core/api/models';
import { SessionStore } from '../../core/auth/session.store';
import { ArticleMeta } from '../../shared/article-meta';
import { AvatarPipe } from '../../shared/avatar.pipe';
import { ErrorList } from '../../shared/error-list';
import { FavoriteButton } from '../../shared/favorite-button';
import { FollowButton } from '../../shared/follow-button';
import { CommentsApi } from './comments-api';
import { renderMarkdown } from './markdown';

@Component({
  selector: 'app-article-page',
  imports: [
    DatePipe,
    FormsModule,
    NgTemplateOutlet,
    RouterLink,
    ArticleMeta,
    AvatarPipe,
    ErrorList,
    FavoriteButton,
    FollowButton,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './article-page.html',
})
export class ArticlePage {
  private readonly articlesApi = inject(ArticlesApi);
  private readonly commentsApi = inject(CommentsApi);
  private readonly router = inject(Router);
  protected readonly session = inject(SessionStore);

  /** Route parameter. */
  readonly slug = input.required<string>();

  protected readonly article = rxResource({
    params: () => this.slug(),
    stream: ({ params: slug }) => this.articlesApi.get(slug),
  });
  protected readonly comments = rxResource({
    params: () => this.slug(),
    stream: ({ params: slug }) => this.commentsApi.list(slug),
  });

  protected readonly loadErrors = computed(() => errorMessages(this.article.error()));
  protected readonly bodyHtml = computed(() =>
    this.article.hasValue() ? renderMarkdown(this.article.value().body ?? '') : '',
  );
  protected readonly isAuthor = computed(
    () => this.article.hasValue() && this.article.value().author.username === this.session.username(),
  );

  protected readonly commentBody = signal('');
  protected readonly commentErrors = signal<string[]>([]);
  protected readonly actionErrors = signal<string[]>([]);
  protected readonly busy = signal(false);

  constructor() {
    const title = inject(Title);
    effect(() => {
      if (this.article.hasValue()) title.setTitle(`${this.article.value().title} — Conduit`);
    });
  }

  protected replaceArticle(article: Article): void {
    this.article.set(article);
  }

  protected replaceAuthor(author: Profile): void {
    this.article.update((article) => article && { ...article, author });
  }

  protected deleteArticle(): void {
    this.busy.set(true);
    this.actionErrors.set([]);
    this.articlesApi.delete(this.slug()).subscribe({
      next: () => void this.router.navigateByUrl('/'),
      error: (error: unknown) => {
        this.busy.set(false);
        this.actionErrors.set(errorMessages(error));
      },
    });
  }

  protected postComment(): void {
    const body = this.commentBody().trim();
    if (!body) {
      this.commentErrors.set(["body can't be blank"]);
      return;
    }
    this.busy.set(true);
    this.commentErrors.set([]);
    this.commentsApi.add(this.slug(), body).subscribe({
      next: (comment) => {
        this.busy.set(false);
        this.commentBody.set('');
        this.comments.update((comments) => [comment, ...(comments ?? [])]);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.commentErrors.set(errorMessages(error));
      },
    });
  }

  protected deleteComment(comment: Comment): void {
    this.commentErrors.set([]);
    this.commentsApi.delete(this.slug(), comment.id).subscribe({
      next: () => this.comments.update((comments) => comments?.filter((c) => c.id !== comment.id)),
      error: (error: unknown) => this.commentErrors.set(errorMessages(error)),
    });
  }
}
