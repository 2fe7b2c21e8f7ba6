import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.js';
import { pruneExpiredOidcLogins } from './oidc.service.js';
import { pruneExpiredSessions } from './sessions.service.js';
import { pruneSignInThrottle } from './sign-in-throttle.js';

/**
 * Deletes what has expired: sessions past their end, OpenID Connect sign-ins never finished, and
 * sign-in throttle windows that are over. Each is also cleared as a side effect of sign-ins, but
 * an instance nobody signs in to would otherwise keep them forever.
 */
export const pruneAccountsJob = defineJob({
  kind: 'accounts.prune',
  payload: z.object({}).strict(),
  async run({ ctx }) {
    await pruneExpiredSessions(ctx);
    await pruneExpiredOidcLogins(ctx);
    await pruneSignInThrottle(ctx);
  },
});
