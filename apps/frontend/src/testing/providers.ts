import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { User } from '../app/core/api/models';
import { SessionStore } from '../app/core/auth/session.store';
import { TOKEN_KEY } from '../app/core/auth/token-storage';
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

/** Signs `user` in the way the app starts: a stored token, then GET /api/user answered by the test. */
export function signIn(user: User = ME): void {
  localStorage.setItem(TOKEN_KEY, user.token);
  TestBed.inject(SessionStore).restore();
  TestBed.inject(HttpTestingController).expectOne('/api/user').flush({ user });
}

export const ME: User = { email: 'me@example.test', token: 'jwt-me', username: 'me', bio: null, image: null };

/** The text of the first element matching `selector`, trimmed; '' when there is none. */
export function textOf(root: HTMLElement, selector: string): string {
  return root.querySelector(selector)?.textContent?.trim() ?? '';
}

/** Types into an input or textarea the way a person does (value, then the input event forms listen to). */
export function typeInto(root: HTMLElement, selector: string, value: string): void {
  const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  if (!field) throw new Error(`no field ${selector}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

/** A request that never reached the server (status 0), as HttpClient reports it. */
export const NETWORK_DOWN = [new ProgressEvent('error'), { status: 0, statusText: '' }] as const;

/**
 * For a describe block: before each test, no stored token and a TestBed with provideApiTesting(); after it,
 * no request left unanswered (HttpTestingController.verify). Returns the test's controller.
 */
export function useApiTesting(): () => HttpTestingController {
  let backend: HttpTestingController | undefined;
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: provideApiTesting() });
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend?.verify());
  return () => {
    if (!backend) throw new Error('useApiTesting(): the controller exists inside a test only');
    return backend;
  };
}
