import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { API_URL } from './api.config';

/** Services call paths such as `/articles`; this puts the configured API base in front of them. */
export const apiUrlInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith('/')) return next(req);
  return next(req.clone({ url: inject(API_URL) + req.url }));
};
