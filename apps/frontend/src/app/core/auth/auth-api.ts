import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { map, type Observable } from 'rxjs';
import type { Credentials, Registration, User, UserResponse, UserUpdate } from '../api/models';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(user: Credentials): Observable<User> {
    return this.http.post<UserResponse>('/users/login', { user }).pipe(map((r) => r.user));
  }

  register(user: Registration): Observable<User> {
    return this.http.post<UserResponse>('/users', { user }).pipe(map((r) => r.user));
  }

  current(): Observable<User> {
    return this.http.get<UserResponse>('/user').pipe(map((r) => r.user));
  }

  update(user: UserUpdate): Observable<User> {
    return this.http.put<UserResponse>('/user', { user }).pipe(map((r) => r.user));
  }
}
