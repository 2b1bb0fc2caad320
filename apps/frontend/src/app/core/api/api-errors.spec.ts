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

  it('explains a network failure', () => {
    expect(errorMessages(new HttpErrorResponse({ status: 0 }))[0]).toMatch(/cannot be reached/);
  });

  it('falls back to a generic line for bodies it does not understand', () => {
    const error = new HttpErrorResponse({ status: 502, error: '<html>Bad gateway</html>' });
    expect(errorMessages(error)).toEqual(['Something went wrong. Please try again.']);
    expect(errorMessages(new Error('boom'))).toEqual(['Something went wrong. Please try again.']);
  });
});
