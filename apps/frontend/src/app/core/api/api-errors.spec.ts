import { HttpErrorResponse } from '@angular/common/http';
import { errorMessages } from './api-errors';

describe('errorMessages', () => {
  it('turns the API envelope into one line per message', () => {
    const error = new HttpErrorResponse({
      status: 422,
      error: { errors: { email: ["can't be blank"], password: ['is too short', 'is weak'] } },
    });
    expect(errorMessages(error)).toEqual([
      "email can't be blank",
      'password is too short',
      'password is weak',
    ]);
  });

  it('shows a conflict as the server words it', () => {
    const error = new HttpErrorResponse({
      status: 409,
      error: { errors: { username: ['has already been taken'] } },
    });
    expect(errorMessages(error)).toEqual(['username has already been taken']);
  });

  it('uses the reference wording for a request that never reached the server', () => {
    expect(errorMessages(new HttpErrorResponse({ status: 0 }))).toEqual([
      'Unable to connect. Please check your internet connection.',
    ]);
  });

  it("prefers the server's own errors to the status line", () => {
    const error = new HttpErrorResponse({ status: 403, error: { errors: { article: ['is not yours'] } } });
    expect(errorMessages(error)).toEqual(['article is not yours']);
    expect(errorMessages(new HttpErrorResponse({ status: 403 }))).toEqual([
      'You are not allowed to do that.',
    ]);
  });

  it('falls back to a generic line for bodies it does not understand', () => {
    const error = new HttpErrorResponse({ status: 502, error: '<html>Bad gateway</html>' });
    expect(errorMessages(error)).toEqual(['Something went wrong. Please try again.']);
    expect(errorMessages(new Error('boom'))).toEqual(['Something went wrong. Please try again.']);
  });
});
