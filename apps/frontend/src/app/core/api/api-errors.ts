import { HttpErrorResponse } from '@angular/common/http';

/** The reference app's words for a request that never reached the server (HTTP status 0). */
export const UNABLE_TO_CONNECT = 'Unable to connect. Please check your internet connection.';

/**
 * Turns an API failure into lines a person can read. The API answers `{"errors": {"email": ["is invalid"]}}`;
 * each entry becomes "email is invalid". A request that never got an answer, and anything else (a proxy's HTML page), gets a fixed line.
 */
export function errorMessages(error: unknown): string[] {
  if (error instanceof HttpErrorResponse) {
    const errors: unknown = (error.error as { errors?: unknown } | null)?.errors;
    if (errors && typeof errors === 'object') {
      const lines = Object.entries(errors as Record<string, unknown>).flatMap(([field, messages]) =>
        (Array.isArray(messages) ? messages : [messages]).map((message) => `${field} ${String(message)}`),
      );
      if (lines.length > 0) return lines;
    }
    if (error.status === 0) return [UNABLE_TO_CONNECT];
    if (error.status === 401) return ['You need to sign in to do that.'];
    if (error.status === 403) return ['You are not allowed to do that.'];
    if (error.status === 404) return ['Not found.'];
  }
  return ['Something went wrong. Please try again.'];
}
