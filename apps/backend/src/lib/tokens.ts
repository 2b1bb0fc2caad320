import { SignJWT, jwtVerify } from 'jose';

/** Issues and checks the login tokens: HS256 JWTs whose subject is the user id (usernames can change). */
export class Tokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly expiresInSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(userId: number): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(userId))
      .setIssuedAt()
      .setExpirationTime(`${this.expiresInSeconds}s`)
      .sign(this.key);
  }

  /** The user id, or undefined when the token is malformed, forged or expired. */
  async verify(token: string): Promise<number | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
      const id = Number(payload.sub);
      return Number.isSafeInteger(id) && id > 0 ? id : undefined;
    } catch {
      return undefined;
    }
  }
}
