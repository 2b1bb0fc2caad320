// The app's debug hook (window.__conduit_debug__, frontend/SELECTORS.md), declared once in the app.
import type {} from '../../apps/frontend/src/app/core/auth/conduit-debug';

declare global {
  interface Window {
    /** Set only if a script from an article body ran (the XSS test). */
    __xss?: unknown;
  }
}
