import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.js';
import { createUser } from '../../../test/support/accounts.js';
import { databaseKinds } from '../../../test/support/databases.js';
import { useRunners, waitForJob } from '../../../test/support/jobs.js';
import { enqueueJob } from '../jobs/jobs.service.js';
import { pruneAccountsJob } from './accounts-prune.job.js';
import { insertOidcLogin } from './oidc.repo.js';
import { createSession } from './sessions.service.js';
import { SIGN_IN_WINDOW_MS } from './sign-in-throttle.js';
import { countAttempt } from './throttle.repo.js';

const DAY = 86_400_000;

describe.each(databaseKinds)('pruning expired accounts state on %s', (kind) => {
  const t = useTestApp(kind);
  const runner = useRunners();

  it('deletes ended sessions, unfinished single sign-ons and finished throttle windows, and nothing live', async () => {
    const now = t.clock.now.getTime();
    const user = await createUser(t);
    const at = (ms: number) => ({ ...t.ctx, now: () => new Date(ms) });
    await t.ctx.db.transaction().execute(async (trx) => {
      await createSession(at(now - 40 * DAY), trx, user.id); // ended after 30 days at most
      await createSession(at(now - DAY), trx, user.id);
      const login = (handle: string, expiresMs: number) => ({ handle_hash: handle, state: 's', nonce: 'n', code_verifier: 'v', expires_at: new Date(expiresMs).toISOString() });
      await insertOidcLogin(trx, login('abandoned', now - 60_000), new Date(now - 11 * 60_000).toISOString());
      await insertOidcLogin(trx, login('in-progress', now + 60_000), new Date(now - 11 * 60_000).toISOString());
      await countAttempt(trx, 'ip:203.0.113.9', now - SIGN_IN_WINDOW_MS - 1, SIGN_IN_WINDOW_MS);
      await countAttempt(trx, 'ip:203.0.113.10', now - 60_000, SIGN_IN_WINDOW_MS);
    });
    await t.ctx.db.transaction().execute((trx) => enqueueJob(trx, pruneAccountsJob, {}, { now: t.clock.now }));
    runner(t.ctx, [pruneAccountsJob]);
    await waitForJob(t.ctx, pruneAccountsJob.kind, (job) => expect(job.state).toBe('done'));

    const sessions = await t.ctx.db.selectFrom('sessions').select('created_at').where('user_id', '=', user.id).execute();
    expect(sessions).toEqual([{ created_at: new Date(now - DAY).toISOString() }]);
    expect(await t.ctx.db.selectFrom('oidc_logins').select('handle_hash').execute()).toEqual([{ handle_hash: 'in-progress' }]);
    expect(await t.ctx.db.selectFrom('sign_in_throttle').select('key').execute()).toEqual([{ key: 'ip:203.0.113.10' }]);
  });
});
