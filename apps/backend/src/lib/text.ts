/** Rules for text the API stores and shows to others. */
import { Limits } from '@proyecto06/contract';
import { unprocessable } from './errors.js';

// Control, format (zero-width, bidi overrides and isolates), surrogate, private-use and line/paragraph
// separator characters: invisible or reordering text that lets one name impersonate another.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/u;

/** A username as stored: NFKC-normalised and trimmed, without invisible characters. */
export function cleanUsername(raw: string): string {
  const name = raw.normalize('NFKC').trim();
  if (INVISIBLE.test(name)) {
    throw unprocessable('username', 'must not contain control, invisible or direction characters');
  }
  if (name.length > Limits.username) {
    throw unprocessable('username', `is too long (maximum is ${Limits.username} characters)`);
  }
  return name;
}

/** A username from a URL, compared as stored (case is ignored by the query); undefined if none can match. */
export function usernameForLookup(raw: string): string | undefined {
  const name = raw.normalize('NFKC');
  return INVISIBLE.test(name) ? undefined : name;
}

/** Image URLs are shown to every reader: http and https only (no javascript:, data: or file:). */
export function checkImageUrl(value: string | null): void {
  if (value === null) return;
  let protocol: string;
  try {
    protocol = new URL(value).protocol;
  } catch {
    throw unprocessable('image', 'must be an http or https URL');
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw unprocessable('image', 'must be an http or https URL');
  }
}
