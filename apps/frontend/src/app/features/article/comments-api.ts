import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type { Comment, CommentListResponse, CommentResponse } from '../../core/api/models';

@Injectable({ providedIn: 'root' })
export class CommentsApi {
  private readonly http = inject(HttpClient);

  list(slug: string): Observable<Comment[]> {
    return this.http
      .get<CommentListResponse>(`/articles/${encodeURIComponent(slug)}/comments`)
      .pipe(map((r) => r.comments));
  }

  add(slug: string, body: string): Observable<Comment> {
    return this.http
      .post<CommentResponse>(`/articles/${encodeURIComponent(slug)}/comments`, { comment: { body } })
      .pipe(map((r) => r.comment));
  }

  delete(slug: string, id: number): Observable<void> {
    return this.http.delete<void>(`/articles/${encodeURIComponent(slug)}/comments/${id}`);
  }
}
