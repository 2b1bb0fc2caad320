import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AnyArticle } from '../core/api/models';
import { AppLink } from './app-link';
import { AvatarPipe } from './avatar.pipe';

/** Author avatar, name and date; the buttons that go with it are projected. */
@Component({
  selector: 'app-article-meta',
  imports: [AppLink, DatePipe, AvatarPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let author = article().author;
    <div class="article-meta">
      <a [appLink]="['/profile', author.username]" tabindex="-1" aria-hidden="true">
        <img [src]="author.image | avatar" alt="" width="32" height="32" />
      </a>
      <div class="info">
        <a [appLink]="['/profile', author.username]" class="author">{{ author.username }}</a>
        <time class="date" [attr.datetime]="article().createdAt">{{
          article().createdAt | date: 'MMMM d, y'
        }}</time>
      </div>
      <ng-content />
    </div>
  `,
})
export class ArticleMeta {
  readonly article = input.required<AnyArticle>();
}
