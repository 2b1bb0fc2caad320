/** Errors that become 4xx responses in the spec's envelope: {"errors": {"<field>": ["<message>"]}}. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errors: Record<string, string[]>,
  ) {
    super(
      Object.entries(errors)
        .map(([field, messages]) => `${field} ${messages.join(', ')}`)
        .join('; '),
    );
    this.name = 'HttpError';
  }
}

const fail = (status: number) => (field: string, message: string) =>
  new HttpError(status, { [field]: [message] });

export const unprocessable = fail(422);
export const unauthorized = fail(401);
export const forbidden = (field: string) => fail(403)(field, 'forbidden');
export const notFound = (field: string) => fail(404)(field, 'not found');
export const conflict = (field: string) => fail(409)(field, 'has already been taken');

/** Rejects values that are empty once trimmed (the schema already rejects ""), all at once. */
export function requireText(fields: Record<string, string | undefined>): void {
  const blank = Object.entries(fields).filter(([, value]) => value !== undefined && value.trim() === '');
  if (blank.length > 0)
    throw new HttpError(422, Object.fromEntries(blank.map(([field]) => [field, ["can't be blank"]])));
}
