// The app's debug hook (frontend/SELECTORS.md), read by the tests through page.evaluate.
interface Window {
  __conduit_debug__?: {
    getToken(): string | null;
    getAuthState(): 'authenticated' | 'unauthenticated' | 'unavailable' | 'loading';
    getCurrentUser(): {
      username: string;
      email: string;
      bio: string | null;
      image: string | null;
      token: string;
    } | null;
  };
  __xss?: unknown;
}
