// `window.__conduit_debug__`, the hook the RealWorld browser tests read (frontend/SELECTORS.md). This file
// imports types only, so the e2e workspace can use the same declaration.
import type { User } from '@proyecto06/contract';

/**
 * loading: a stored token is being checked; unavailable: the server could not be asked (the token is kept);
 * the other two are what they say.
 */
export type AuthState = 'authenticated' | 'unauthenticated' | 'unavailable' | 'loading';

/** The signed-in user, as GET /api/user answers it. */
export type DebugUser = User;

export interface ConduitDebug {
  getToken(): string | null;
  getAuthState(): AuthState;
  getCurrentUser(): DebugUser | null;
}

declare global {
  interface Window {
    __conduit_debug__?: ConduitDebug;
  }
}

/** What the hook reads: the session store. */
export interface DebugSource {
  token(): string | null;
  state(): AuthState;
  user(): DebugUser | null;
}

export function exposeConduitDebug(session: DebugSource, target: Window = window): void {
  target.__conduit_debug__ = {
    getToken: () => session.token(),
    getAuthState: () => session.state(),
    getCurrentUser: () => {
      const user = session.user();
      return user && { ...user };
    },
  };
}
