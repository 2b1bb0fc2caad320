import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="container page">
      <h1>Page not found</h1>
      <p>There is nothing at this address. <a routerLink="/">Back to the home page</a>.</p>
    </div>
  `,
})
export class NotFoundPage {}
