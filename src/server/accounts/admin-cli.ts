import { createAppContext } from '../context.js';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { emailSchema } from '../../shared/accounts/account.schema.js';
import { passwordProblem } from '../../shared/accounts/password-rules.js';
import type { Actor } from '../access/actor.js';
import { readAdminPassword, type Config } from '../config.js';
import { openDatabase } from '../db/kysely.js';
import { migrateToLatest } from '../db/migrate.js';
import { explainStartupError } from '../operations/startup-errors.js';
import { adminUsage } from './admin-usage.js';
import { hashPassword } from './passwords.js';
import { createUserFromCli } from './users.service.js';


/** Who the audit log says made the change. */
const cliActor: Actor = { userId: null, name: 'hindsight admin create (command line)', role: 'admin' };

/** `hindsight admin create ...`: prints what it did and returns the exit code. */
export async function adminCommand(config: Config, argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  });
  if (positionals[0] !== 'create' || positionals.length > 1) {
    console.error(`Unknown admin command "${positionals.join(' ')}". Usage:\n${adminUsage}`);
    return 2;
  }
  const password = values.password ?? readAdminPassword();
  const problems: string[] = [];
  const email = emailSchema.safeParse(values.email?.trim());
  if (!email.success) problems.push('--email: must be an email address');
  const name = z.string().trim().min(1).max(200).safeParse(values.name);
  if (!name.success) problems.push('--name: is required');
  if (password === undefined) problems.push('--password: is required (or set HINDSIGHT_ADMIN_PASSWORD)');
  else {
    const problem = passwordProblem(password, values.email);
    if (problem) problems.push(`--password: ${problem}`);
  }
  if (problems.length || !email.success || !name.success || password === undefined) {
    console.error(problems.join('\n'));
    return 2;
  }

  const handle = openDatabase(config.database, { backgroundCheckpoints: false });
  try {
    await migrateToLatest(handle.db);
    const ctx = createAppContext(handle, config);
    const user = await createUserFromCli(ctx, cliActor, { email: email.data, name: name.data, role: 'admin', passwordHash: await hashPassword(password) });
    console.log(`Created admin ${user.email} (user ${user.id})`);
    return 0;
  } catch (error) {
    console.error(explainStartupError(error, config, 'database') ?? (error instanceof Error ? error.message : String(error)));
    return 1;
  } finally {
    await handle.close();
  }
}
