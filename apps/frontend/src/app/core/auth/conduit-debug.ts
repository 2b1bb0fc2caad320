import type { AuthState, SessionStore } from './session.store';

/** `window.__conduit_debug__`, the hook the RealWorld browser tests read (frontend/SELECTORS.md). */
export interface ConduitDebug {
  getToken(): string | null;
  getAuthState(): AuthState;
  getCurrentUser(): {
    username: string;
    email: string;
    bio: string | null;
    image: string | null;
    token: string;
  } | null;
}

declare global {
  interface Window {
    __conduit_debug__?: ConduitDebug;
  }
}

export function exposeConduitDebug(session: SessionStore, target: Window = window): void {
  target.__conduit_debug__ = {
    getToken: () => session.token(),
    getAuthState: () => session.state(),
    getCurrentUser: () => {
      const user = session.user();
      return user && { ...user };
    },
  };
}
