/**
 * A benchmark target in its own process, so the load generator does not share its event loop:
 *   tsx bench/support/serve.ts app <port>     the real app (DATABASE_URL or HINDSIGHT_DATA_DIR from env)
 *   tsx bench/support/serve.ts bare <port>    a bare Fastify route returning BENCH_BODY as JSON
 * BENCH_WEB_ROOT=dist/web also serves the built web app, as `hindsight serve` does.
 */
import { createAppContext } from '../../src/server/context.js';
import Fastify from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/kysely.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';

const [mode, port] = process.argv.slice(2);

async function start() {
  if (mode === 'bare') {
    const body = JSON.parse(process.env.BENCH_BODY ?? '{}') as unknown;
    const bare = Fastify();
    bare.get('/bare/:id', async () => body);
    return bare.listen({ port: Number(port), host: '127.0.0.1' });
  }
  // The rate limiter runs (its cost is part of the figure) with a budget the load never exhausts.
  const config = loadConfig({ HINDSIGHT_RATE_LIMIT_PER_MINUTE: '1000000', ...process.env });
  const handle = openDatabase(config.database);
  await migrateToLatest(handle.db);
  const webRoot = process.env.BENCH_WEB_ROOT;
  const app = await buildApp(createAppContext(handle, config), webRoot ? { webRoot } : {});
  return app.listen({ port: Number(port), host: '127.0.0.1' });
}

start().then(
  () => process.send?.('ready'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

// Exit normally on a signal so tools such as --cpu-prof can write their output.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
