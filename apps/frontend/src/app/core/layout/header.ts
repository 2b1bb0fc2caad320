import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { SessionStore } from '../auth/session.store';
import { AppLink } from '../../shared/app-link';
import { AvatarPipe } from '../../shared/avatar.pipe';

@Component({
  selector: 'app-header',
  imports: [AppLink, AvatarPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './header.html',
})
export class Header {
  protected readonly session = inject(SessionStore);
}
