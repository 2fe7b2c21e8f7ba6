/**
 * What a password must be, shared by the server (enforced) and the web app (shown while typing).
 * Length over composition rules (NIST SP 800-63B): at least 12 characters, not the email address.
 */
export const PASSWORD_MIN_LENGTH = 12;
/** Generous, but bounded: hashing cost should not depend on what a caller sends. */
export const PASSWORD_MAX_LENGTH = 256;

/** Why `password` is not acceptable for the account `email`, or null when it is. */
export function passwordProblem(password: string, email?: string | null): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase()) return 'must not be the email address';
  return null;
}
