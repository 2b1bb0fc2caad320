import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import {
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
  withRouterConfig,
} from '@angular/router';
import { routes } from './app.routes';
import { apiUrlInterceptor } from './core/api/api-url.interceptor';
import { authTokenInterceptor } from './core/auth/auth-token.interceptor';
import { exposeConduitDebug } from './core/auth/conduit-debug';
import { SessionStore } from './core/auth/session.store';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(
      routes,
      withComponentInputBinding(),
      // Child pages (profile tabs, editor) read the parent's :username / :slug as inputs.
      withRouterConfig({ paramsInheritanceStrategy: 'always' }),
      withInMemoryScrolling({ scrollPositionRestoration: 'enabled' }),
    ),
    provideHttpClient(withFetch(), withInterceptors([apiUrlInterceptor, authTokenInterceptor])),
    provideAppInitializer(() => {
      const session = inject(SessionStore);
      exposeConduitDebug(session);
      // Not awaited: pages render at once; guards wait for the answer themselves.
      session.restore();
    }),
  ],
};
