import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type { Profile, ProfileResponse } from './models';

@Injectable({ providedIn: 'root' })
export class ProfilesApi {
  private readonly http = inject(HttpClient);

  get(username: string): Observable<Profile> {
    return this.http
      .get<ProfileResponse>(`/profiles/${encodeURIComponent(username)}`)
      .pipe(map((r) => r.profile));
  }

  /** Follows or un-follows; answers the profile with its new `following`. */
  setFollowing(username: string, follow: boolean): Observable<Profile> {
    const url = `/profiles/${encodeURIComponent(username)}/follow`;
    const request = follow
      ? this.http.post<ProfileResponse>(url, null)
      : this.http.delete<ProfileResponse>(url);
    return request.pipe(map((r) => r.profile));
  }
}
