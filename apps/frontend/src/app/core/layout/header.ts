import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, type IsActiveMatchOptions } from '@angular/router';
import { SessionStore } from '../auth/session.store';
import { AvatarPipe } from '../../shared/avatar.pipe';

@Component({
  selector: 'app-header',
  imports: [RouterLink, RouterLinkActive, AvatarPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './header.html',
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
