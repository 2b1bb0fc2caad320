import { HttpErrorResponse } from '@angular/common/http';
import { Subject, throwError } from 'rxjs';
import { Submission } from './submission';

describe('Submission', () => {
  it('is busy while the request runs and hands over the answer', () => {
    const submission = new Submission();
    const answer = new Subject<string>();
    const done = vi.fn();
    submission.run(answer, done);
    expect(submission.busy()).toBe(true);
    answer.next('ok');
    expect(submission.busy()).toBe(false);
    expect(done).toHaveBeenCalledWith('ok');
  });

  it('keeps the server errors and clears them on the next attempt', () => {
    const submission = new Submission();
    const failure = new HttpErrorResponse({ status: 422, error: { errors: { title: ["can't be blank"] } } });
    submission.run(
      throwError(() => failure),
      () => undefined,
    );
    expect(submission.errors()).toEqual(["title can't be blank"]);
    expect(submission.busy()).toBe(false);
    submission.run(new Subject<never>(), () => undefined);
    expect(submission.errors()).toEqual([]);
  });
});
