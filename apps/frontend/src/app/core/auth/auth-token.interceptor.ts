import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { API_URL } from '../api/api.config';
import { SessionStore } from './session.store';

/** Sends `Authorization: Token <jwt>` to our API only, and ends the session when the API answers 401. */
export const authTokenInterceptor: HttpInterceptorFn = (req, next) => {
  const session = inject(SessionStore);
  const apiUrl = inject(API_URL);
  if (!req.url.startsWith(apiUrl + '/')) return next(req);

  const token = session.token();
  const request = token ? req.clone({ setHeaders: { Authorization: `Token ${token}` } }) : req;
  return next(request).pipe(
    catchError((error: unknown) => {
      if (token && error instanceof HttpErrorResponse && error.status === 401) session.signOut();
      return throwError(() => error);
    }),
  );
};
