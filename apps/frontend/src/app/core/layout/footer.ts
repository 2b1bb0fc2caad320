import { ChangeDetectionStrategy, Component } from '@angular/core';
import { AppLink } from '../../shared/app-link';

@Component({
  selector: 'app-footer',
  imports: [AppLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <footer>
      <div class="container">
        <a [appLink]="['/']" class="logo-font">conduit</a>
        <span class="attribution">
          An interactive learning project. Code &amp; design licensed under MIT.
        </span>
      </div>
    </footer>
  `,
})
export class Footer {}
