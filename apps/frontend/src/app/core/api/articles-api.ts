import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type { Article, ArticleDraft, ArticlePage, ArticleQuery, ArticleResponse } from './models';

@Injectable({ providedIn: 'root' })
export class ArticlesApi {
  private readonly http = inject(HttpClient);

  list(query: ArticleQuery): Observable<ArticlePage> {
    const { feed, ...filters } = query;
    let params = new HttpParams();
    for (const [key, value] of Object.entries(filters)) {
      if (value !== undefined && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<ArticlePage>(feed === 'following' ? '/articles/feed' : '/articles', { params });
  }

  get(slug: string): Observable<Article> {
    return this.http
      .get<ArticleResponse>(`/articles/${encodeURIComponent(slug)}`)
      .pipe(map((r) => r.article));
  }

  create(article: ArticleDraft): Observable<Article> {
    return this.http.post<ArticleResponse>('/articles', { article }).pipe(map((r) => r.article));
  }

  update(slug: string, article: ArticleDraft): Observable<Article> {
    return this.http
      .put<ArticleResponse>(`/articles/${encodeURIComponent(slug)}`, { article })
      .pipe(map((r) => r.article));
  }

  delete(slug: string): Observable<void> {
    return this.http.delete<void>(`/articles/${encodeURIComponent(slug)}`);
  }

  /** Favourites or un-favourites; answers the article with its new count. */
  setFavorite(slug: string, favorite: boolean): Observable<Article> {
    const url = `/articles/${encodeURIComponent(slug)}/favorite`;
    const request = favorite
      ? this.http.post<ArticleResponse>(url, null)
      : this.http.delete<ArticleResponse>(url);
    return request.pipe(map((r) => r.article));
  }
}
