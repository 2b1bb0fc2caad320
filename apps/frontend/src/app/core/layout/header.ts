import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, type IsActiveMatchOptions } from '@angular/router';
import { SessionStore } from '../auth/session.store';
import { AvatarPipe } from '../../shared/avatar.pipe';

@Component({
  selector: 'app-header',
  imports: [RouterLink, RouterLinkActive, AvatarPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="navbar navbar-light" aria-label="Main">
      <div class="container">
        <a class="navbar-brand" routerLink="/">conduit</a>
        <ul class="nav navbar-nav pull-xs-right">
          <li class="nav-item">
            <a
              class="nav-link"
              routerLink="/"
              routerLinkActive="active"
              ariaCurrentWhenActive="page"
              [routerLinkActiveOptions]="homeOnly"
              >Home</a
            >
          </li>
          @if (session.user(); as user) {
            <li class="nav-item">
              <a class="nav-link" routerLink="/editor" routerLinkActive="active" ariaCurrentWhenActive="page">
                <i class="ion-compose" aria-hidden="true"></i>&nbsp;New Article
              </a>
            </li>
            <li class="nav-item">
              <a
                class="nav-link"
                routerLink="/settings"
                routerLinkActive="active"
                ariaCurrentWhenActive="page"
              >
                <i class="ion-gear-a" aria-hidden="true"></i>&nbsp;Settings
              </a>
            </li>
            <li class="nav-item">
              <a
                class="nav-link"
                [routerLink]="['/profile', user.username]"
                routerLinkActive="active"
                ariaCurrentWhenActive="page"
              >
                <img [src]="user.image | avatar" class="user-pic" alt="" width="26" height="26" />
                {{ user.username }}
              </a>
            </li>
          } @else if (session.state() !== 'loading') {
            <li class="nav-item">
              <a class="nav-link" routerLink="/login" routerLinkActive="active" ariaCurrentWhenActive="page"
                >Sign in</a
              >
            </li>
            <li class="nav-item">
              <a
                class="nav-link"
                routerLink="/register"
                routerLinkActive="active"
                ariaCurrentWhenActive="page"
                >Sign up</a
              >
            </li>
          }
        </ul>
      </div>
    </nav>
  `,
})
export class Header {
  protected readonly session = inject(SessionStore);
  protected readonly homeOnly: IsActiveMatchOptions = {
    paths: 'exact',
    queryParams: 'ignored',
    matrixParams: 'ignored',
    fragment: 'ignored',
  };
}
