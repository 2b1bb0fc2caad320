/**
 * Logger options of the server, shared with the tests that read its output. Request logs carry the
 * method, URL and request id, never headers; credentials are redacted should a header object be logged.
 * Errors are logged through db/errors.ts `loggable`, which keeps bound SQL values out.
 */
export function logOptions(level: string) {
  return {
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'],
  };
}
