import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { provideRouter } from '@angular/router';
import { apiUrlInterceptor } from '../app/core/api/api-url.interceptor';
import { authTokenInterceptor } from '../app/core/auth/auth-token.interceptor';

/** HttpClient as the app has it (API base, token), answered by HttpTestingController, and a router. */
export function provideApiTesting(): (Provider | EnvironmentProviders)[] {
  return [
    provideRouter([]),
    provideHttpClient(withInterceptors([apiUrlInterceptor, authTokenInterceptor])),
    provideHttpClientTesting(),
  ];
}
