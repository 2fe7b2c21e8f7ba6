import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SharedDatabase } from './instances.js';

export interface ServerProcess {
  process: ChildProcess;
  baseUrl: string;
  exited: Promise<number | null>;
  /** Everything it printed on stdout (its log lines). */
  output(): string;
}

/** `hindsight serve` as production runs it, in a process of its own, on any free port. */
export async function startServer(shared: SharedDatabase, env: Record<string, string> = {}): Promise<ServerProcess> {
  const { DATABASE_URL: _inherited, ...parentEnv } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'serve'], {
    // Load tests send thousands of writes as one user: API rate limits off unless a test sets them.
    env: { ...parentEnv, ...shared.env, PORT: '0', HINDSIGHT_HOST: '127.0.0.1', HINDSIGHT_LOG_LEVEL: 'info', HINDSIGHT_RATE_LIMIT_PER_MINUTE: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening) resolve(listening[1]!);
    };
    child.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`the server exited with ${code} before listening:\n${output}`)));
  });
  return { process: child, baseUrl, exited, output: () => output };
}

/**
 * Runs the `hindsight` command line (from the sources) to its end, without blocking this process's
 * event loop (a test may keep load running meanwhile). The parent's DATABASE_URL is not passed on.
 */
export function hindsight(args: string[], env: Record<string, string> = {}, options: { cwd?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { DATABASE_URL: _inherited, HINDSIGHT_ADMIN_PASSWORD: _ignored, ...parentEnv } = process.env;
  const child = spawn(process.execPath, ['--import', tsxLoader, cliEntry, ...args], { env: { ...parentEnv, ...env }, cwd: options.cwd ?? process.cwd() });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

const cliEntry = path.resolve('src/server/main.ts');
// By file URL, so the command line runs from any folder (`--import tsx` resolves from the current one).
const tsxLoader = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;

/** The first admin, made through the API; answers the headers of their session for writes. */
export async function firstAdmin(baseUrl: string): Promise<Record<string, string>> {
  const setup = await fetch(`${baseUrl}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ops@example.com', name: 'Ops Admin', password: 'a long enough passphrase' }),
  });
  if (setup.status !== 201) throw new Error(`setup answered ${setup.status}: ${await setup.text()}`);
  const cookie = setup.headers.getSetCookie().find((line) => line.startsWith('hindsight_session='))!.split(';')[0]!;
  const { csrfToken } = (await setup.json()) as { csrfToken?: string };
  return { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken ?? '' };
}

export interface AcknowledgedWrite {
  id: number;
  title: string;
  /** When the request was sent and when its 201 arrived (Date.now()). */
  sentAt: number;
  answeredAt: number;
}

/**
 * Creates incidents through the API with a few writers at once until stopped: the load an
 * operation (backup, admin create, shutdown) must cope with. Every answer other than 201 is a failure.
 */
export function writeLoad(baseUrl: string, headers: Record<string, string>, writers = 4) {
  let running = true;
  let counter = 0;
  const acknowledged: AcknowledgedWrite[] = [];
  const failures: string[] = [];
  const worker = async () => {
    while (running) {
      const title = `Load ${process.pid} ${++counter}`;
      const sentAt = Date.now();
      const body = JSON.stringify({ title, severity: 'sev3', userFacing: false, services: ['checkout'], labels: [], commander: 'Sara Lind', impactStartedAt: '2026-03-10T09:00:00+01:00' });
      const response = await fetch(`${baseUrl}/api/incidents`, { method: 'POST', headers, body }).catch((error: Error) => error);
      if (response instanceof Error) {
        failures.push(`${response.message}: ${String(response.cause)}`);
        continue;
      }
      if (response.status === 201) acknowledged.push({ id: ((await response.json()) as { id: number }).id, title, sentAt, answeredAt: Date.now() });
      else failures.push(`${response.status} ${await response.text()}`);
    }
  };
  const workers = Array.from({ length: writers }, worker);
  return {
    acknowledged,
    failures,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}
