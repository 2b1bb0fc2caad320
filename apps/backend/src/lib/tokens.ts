import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

export interface TokenClaims {
  userId: number;
  /** The user's token version when it was issued; a password change moves the user past it. */
  version: number;
  /** Names the login this token belongs to (one per login or registration). */
  session: string;
}

/** A new session id for a login. */
export const newSession = () => randomBytes(12).toString('base64url');

/**
 * Issues and checks the login tokens: HS256 JWTs whose subject is the user id (usernames can change) and
 * whose `ver` and `sid` claims are the user's token version and the login session.
 */
export class Tokens {
  private readonly key: Promise<CryptoKey>;

  constructor(
    secret: string,
    private readonly expiresInSeconds: number,
  ) {
    // Imported once: given the raw secret, jose imports it again on every call (about 40 % of a verification).
    this.key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
  }

  async sign({ userId, version, session }: TokenClaims): Promise<string> {
    return new SignJWT({ ver: version, sid: session })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(userId))
      .setIssuedAt()
      .setExpirationTime(`${this.expiresInSeconds}s`)
      .sign(await this.key);
  }

  /** The claims, or undefined when the token is malformed, forged or expired. */
  async verify(token: string): Promise<TokenClaims | undefined> {
    try {
      const { payload } = await jwtVerify(token, await this.key, { algorithms: ['HS256'] });
      const userId = Number(payload.sub);
      const { ver: version, sid: session } = payload;
      if (!Number.isSafeInteger(userId) || userId <= 0) return undefined;
      if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) return undefined;
      if (typeof session !== 'string' || session === '') return undefined;
      return { userId, version, session };
    } catch {
      return undefined;
    }
  }
}
