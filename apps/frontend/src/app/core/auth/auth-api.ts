import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type { Credentials, Registration, User, UserResponse, UserUpdate } from '../api/models';

/** The user of an answer, or an error when the body is not what the API promises (a proxy's page, `{}`). */
function userOf(response: UserResponse | null): User {
  const user = response?.user;
  if (typeof user?.token !== 'string' || typeof user.username !== 'string') {
    throw new Error('The server sent an answer without a user.');
  }
  return user;
}

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(user: Credentials): Observable<User> {
    return this.http.post<UserResponse>('/users/login', { user }).pipe(map(userOf));
  }

  register(user: Registration): Observable<User> {
    return this.http.post<UserResponse>('/users', { user }).pipe(map(userOf));
  }

  current(): Observable<User> {
    return this.http.get<UserResponse>('/user').pipe(map(userOf));
  }

  update(user: UserUpdate): Observable<User> {
    return this.http.put<UserResponse>('/user', { user }).pipe(map(userOf));
  }
}
