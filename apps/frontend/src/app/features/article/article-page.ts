import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { ArticlesApi } from '../../core/api/articles-api';
import { errorMessages } from '../../core/api/api-errors';
import type { Article, Comment, Profile } from '../../core/api/models';
import { SessionStore } from '../../core/auth/session.store';
import { ArticleMeta } from '../../shared/article-meta';
import { AvatarPipe } from '../../shared/avatar.pipe';
import { ErrorList } from '../../shared/error-list';
import { LoadError } from '../../shared/load-error';
import { Submission } from '../../shared/submission';
import { FavoriteButton } from '../../shared/favorite-button';
import { FollowButton } from '../../shared/follow-button';
import { CommentsApi } from './comments-api';
import { renderMarkdown } from './markdown';

@Component({
  selector: 'app-article-page',
  imports: [
    DatePipe,
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    ArticleMeta,
    AvatarPipe,
    ErrorList,
    FavoriteButton,
    FollowButton,
    LoadError,
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

  protected readonly commentForm = inject(NonNullableFormBuilder).group({ body: [''] });
  /** Deleting the article; posting or deleting a comment. */
  protected readonly deletion = new Submission();
  protected readonly commenting = new Submission();

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
    this.deletion.run(this.articlesApi.delete(this.slug()), () => void this.router.navigateByUrl('/'));
  }

  protected postComment(): void {
    const body = this.commentForm.getRawValue().body.trim();
    if (!body) {
      this.commenting.reject(["body can't be blank"]);
      return;
    }
    this.commenting.run(this.commentsApi.add(this.slug(), body), (comment) => {
      this.commentForm.reset();
      this.comments.update((comments) => [comment, ...(comments ?? [])]);
    });
  }

  protected deleteComment(comment: Comment): void {
    this.commenting.run(this.commentsApi.delete(this.slug(), comment.id), () =>
      this.comments.update((comments) => comments?.filter((c) => c.id !== comment.id)),
    );
  }
}
