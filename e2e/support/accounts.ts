import path from 'node:path';

/**
 * The accounts every e2e run starts with. The first admin is made through first-run setup
 * (global-setup.ts); the single sign-on identities live at the local OpenID provider that
 * serve.ts starts before the app.
 */
export const ADMIN = { email: 'ada.admin@example.com', name: 'Ada Lindqvist', password: 'e2e admin passphrase, long enough' };

/** Login names at the local provider (its login form takes any password). */
export const SSO_IDENTITIES = {
  'maria.sso': { email: 'maria.santos@example.com', email_verified: true, name: 'Maria Santos' },
} as const;

export const OIDC_NAME = 'Example SSO';

const dataDir = () => {
  const dir = process.env.HINDSIGHT_E2E_DATA_DIR;
  if (!dir) throw new Error('HINDSIGHT_E2E_DATA_DIR is not set: run through playwright.config.ts');
  return dir;
};

/** The admin's signed-in browser state (session cookie), used by every journey's default page. */
export const adminStatePath = () => path.join(dataDir(), 'admin-state.json');

/** The admin's API token (Bearer), for seeding through the API. */
export const adminTokenPath = () => path.join(dataDir(), 'admin-token.txt');
