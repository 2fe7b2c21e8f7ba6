import { createHash, hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes (256 bits), base64url: session tokens, CSRF tokens, API token secrets. */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** What is stored instead of a token: its SHA-256, hex. A leaked table gives no usable token. */
export const sha256 = (value: string): string => hash('sha256', value, 'hex');

/** Compares two secrets in constant time whatever their lengths (both are hashed to 32 bytes first). */
export const constantTimeEqual = (a: string, b: string): boolean =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
