import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** A failed load: what failed and a way to try again. */
@Component({
  selector: 'app-load-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="feed-status" role="alert">
      {{ message() }}
      <button type="button" class="btn btn-sm btn-outline-secondary" (click)="retry.emit()">Retry</button>
    </div>
  `,
})
export class LoadError {
  readonly message = input.required<string>();
  readonly retry = output();
}
