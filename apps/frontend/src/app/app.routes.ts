import type { Routes } from '@angular/router';
import { authGuard, followingFeedGuard, guestGuard } from './core/auth/auth.guard';
import { HomePage } from './features/home/home-page';

export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Home — Conduit',
    canActivate: [followingFeedGuard],
    // The feed is a query parameter: check again when only it changes.
    runGuardsAndResolvers: 'paramsOrQueryParamsChange',
    // Not lazy: the home page is the first view; loading it with the app saves a round trip and lets it
    // replace the static first paint of index.html in one go.
    component: HomePage,
  },
  {
    path: 'tag/:tag',
    title: (route) => `#${route.paramMap.get('tag') ?? ''} — Conduit`,
    component: HomePage,
  },
  {
    path: 'login',
    title: 'Sign in — Conduit',
    canActivate: [guestGuard],
    data: { mode: 'login' },
    loadComponent: () => import('./features/auth/auth-page').then((m) => m.AuthPage),
  },
  {
    path: 'register',
    title: 'Sign up — Conduit',
    canActivate: [guestGuard],
    data: { mode: 'register' },
    loadComponent: () => import('./features/auth/auth-page').then((m) => m.AuthPage),
  },
  {
    path: 'settings',
    title: 'Settings — Conduit',
    canActivate: [authGuard],
    loadComponent: () => import('./features/settings/settings-page').then((m) => m.SettingsPage),
  },
  {
    path: 'editor',
    canActivate: [authGuard],
    loadChildren: () => import('./features/editor/editor.routes').then((m) => m.editorRoutes),
  },
  {
    path: 'article/:slug',
    title: 'Article — Conduit',
    loadComponent: () => import('./features/article/article-page').then((m) => m.ArticlePage),
  },
  {
    path: 'profile/:username',
    loadChildren: () => import('./features/profile/profile.routes').then((m) => m.profileRoutes),
  },
  {
    path: '**',
    title: 'Page not found — Conduit',
    loadComponent: () => import('./features/not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
