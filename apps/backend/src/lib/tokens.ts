import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface TokenClaims {
  userId: number;
  /** The user's token version when it was issued; a password change moves the user past it. */
  version: number;
  /** Names the login this token belongs to (one per login or registration). */
  session: string;
}

/** A new session id for a login. */
export const newSession = () => randomBytes(12).toString('base64url');

/** The one header this server writes, base64url-encoded: verification accepts no other (no `alg` choice). */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const SIGNATURE_BYTES = 32;

/**
 * Issues and checks the login tokens: HS256 JWTs (RFC 7519) whose subject is the user id (usernames can
 * change) and whose `ver` and `sid` claims are the user's token version and the login session.
 *
 * Synchronous HMAC from node:crypto (about 3 µs) rather than WebCrypto, whose every call is a job on
 * libuv's thread pool and a promise: every authenticated request verifies a token. Only tokens of exactly
 * the shape this class signs are accepted (its header, a 32-byte signature); the tests check tokens
 * signed by an independent JWT library both ways.
 */
export class Tokens {
  private readonly secret: Buffer;

  constructor(
    secret: string,
    private readonly expiresInSeconds: number,
  ) {
    this.secret = Buffer.from(secret, 'utf8');
  }

  private signature(signingInput: string): Buffer {
    return createHmac('sha256', this.secret).update(signingInput).digest();
  }

  sign({ userId, version, session }: TokenClaims): string {
    const iat = Math.floor(Date.now() / 1000);
    const payload = {
      ver: version,
      sid: session,
      sub: String(userId),
      iat,
      exp: iat + this.expiresInSeconds,
    };
    const signingInput = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
    return `${signingInput}.${this.signature(signingInput).toString('base64url')}`;
  }

  /** The claims, or undefined when the token is malformed, forged or expired. */
  verify(token: string): TokenClaims | undefined {
    const [header, body, signature, extra] = token.split('.');
    if (header !== HEADER || body === undefined || signature === undefined || extra !== undefined)
      return undefined;
    const given = Buffer.from(signature, 'base64url');
    // Buffer.from skips characters outside base64url, so the length and the round trip are both checked.
    if (given.length !== SIGNATURE_BYTES || given.toString('base64url') !== signature) return undefined;
    if (!timingSafeEqual(given, this.signature(`${header}.${body}`))) return undefined;
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    if (typeof payload !== 'object' || payload === null) return undefined;
    const { sub, ver: version, sid: session, exp } = payload;
    if (typeof exp !== 'number' || !(Date.now() / 1000 < exp)) return undefined;
    const userId = typeof sub === 'string' && /^[1-9][0-9]{0,15}$/.test(sub) ? Number(sub) : NaN;
    if (!Number.isSafeInteger(userId)) return undefined;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) return undefined;
    if (typeof session !== 'string' || session === '') return undefined;
    return { userId, version, session };
  }
}
