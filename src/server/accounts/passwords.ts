import * as argon2 from 'argon2';

/**
 * argon2id with the OWASP Password Storage Cheat Sheet parameters (19 MiB, 2 passes, 1 lane):
 * about 80 ms per hash on a small server. The parameters are stored in each hash, so raising them
 * later rehashes each password at its owner's next sign-in (see needsRehash).
 */
const options = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, options);

export const needsRehash = (hash: string): boolean => argon2.needsRehash(hash, options);

let dummyHash: Promise<string> | null = null;

/** Computes the dummy hash ahead of the first unknown-user sign-in, so even that one takes no longer. */
export function preparePasswordChecks(): void {
  dummyHash ??= hashPassword('hindsight-dummy-password-never-matches');
  dummyHash.catch(() => (dummyHash = null)); // try again next time
}

/**
 * True when `password` matches `hash`. Without a hash (unknown user, single sign-on only) a dummy
 * hash is verified anyway so that the answer takes as long and reveals nothing.
 */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (hash === null) {
    preparePasswordChecks();
    await argon2.verify(await dummyHash!, password);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}
