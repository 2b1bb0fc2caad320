import { signal } from '@angular/core';
import type { Observable } from 'rxjs';
import { errorMessages } from '../core/api/api-errors';

/** One form's request in flight: `busy` while it runs, the server's `errors` when it fails. */
export class Submission {
  private readonly busyState = signal(false);
  private readonly errorState = signal<string[]>([]);
  readonly busy = this.busyState.asReadonly();
  readonly errors = this.errorState.asReadonly();

  /** Errors found before asking the server (blank fields). */
  reject(errors: string[]): void {
    this.errorState.set(errors);
  }

  run<T>(request: Observable<T>, done: (value: T) => void): void {
    this.busyState.set(true);
    this.errorState.set([]);
    request.subscribe({
      next: (value) => {
        this.busyState.set(false);
        done(value);
      },
      error: (error: unknown) => {
        this.busyState.set(false);
        this.errorState.set(errorMessages(error));
      },
    });
  }
}
