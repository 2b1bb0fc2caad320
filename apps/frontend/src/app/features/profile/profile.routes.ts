import type { ActivatedRouteSnapshot, Routes } from '@angular/router';
import { ProfilePage } from './profile-page';

export const profileRoutes: Routes = [
  {
    path: '',
    title: (route) => `${username(route)} — Conduit`,
    component: ProfilePage,
    data: { tab: 'articles' },
  },
  {
    path: 'favorites',
    title: (route) => `Articles favorited by ${username(route)} — Conduit`,
    component: ProfilePage,
    data: { tab: 'favorites' },
  },
];

function username(route: ActivatedRouteSnapshot): string {
  return route.parent?.paramMap.get('username') ?? '';
}
