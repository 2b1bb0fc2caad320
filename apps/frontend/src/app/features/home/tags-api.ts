import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type { TagsResponse } from '../../core/api/models';

@Injectable({ providedIn: 'root' })
export class TagsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<string[]> {
    return this.http.get<TagsResponse>('/tags').pipe(map((r) => r.tags));
  }
}
