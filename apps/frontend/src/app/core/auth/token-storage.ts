import { Injectable } from '@angular/core';

/** The JWT lives in localStorage under `jwtToken` (the RealWorld UI contract). */
export const TOKEN_KEY = 'jwtToken';

@Injectable({ providedIn: 'root' })
export class TokenStorage {
  get(): string | null {
    try {
      return localStorage.getItem(TOKEN_KEY);
    } catch {
      return null;
    }
  }

  set(token: string): void {
    try {
      localStorage.setItem(TOKEN_KEY, token);
    } catch {
      // Storage can be disabled (private mode, quota); the session then lasts until reload.
    }
  }

  clear(): void {
    try {
      localStorage.removeItem(TOKEN_KEY);
    } catch {
      // See set().
    }
  }
}
