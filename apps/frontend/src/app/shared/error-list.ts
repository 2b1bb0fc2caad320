import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** The API's errors as `ul.error-messages`, announced to screen readers when they appear. */
@Component({
  selector: 'app-error-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="alert">
      @if (errors().length > 0) {
        <ul class="error-messages">
          @for (error of errors(); track $index) {
            <li>{{ error }}</li>
          }
        </ul>
      }
    </div>
  `,
})
export class ErrorList {
  readonly errors = input<readonly string[]>([]);
}
