import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

export const resultsDir = path.resolve('bench/results');

export interface Target {
  baseUrl: string;
  stop(): Promise<void>;
}

let nextPort = 4100;

/** Starts bench/support/serve.ts in a child process and waits until it listens. */
export async function startTarget(mode: 'app' | 'bare', env: Record<string, string>): Promise<Target> {
  const port = nextPort++;
  const child: ChildProcess = fork(path.resolve('bench/support/serve.ts'), [mode, String(port)], {
    // BENCH_PROFILE_DIR=<folder>: each target writes a CPU profile there when it stops.
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [])],
    env: { ...process.env, HINDSIGHT_LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`bench target exited with ${code}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
}

/**
 * A bounded load on loopback: `seconds` long, `connections` at once, after a warm-up of
 * `warmUpSeconds` (default 2) whose figures are dropped, so that every target is measured with its
 * code already optimised by the JIT.
 */
export async function load(options: {
  warmUpSeconds?: number;
  url: string;
  seconds: number;
  connections?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: () => string;
}): Promise<LoadResult> {
  const warmUpSeconds = options.warmUpSeconds ?? 2;
  if (warmUpSeconds > 0) await load({ ...options, seconds: warmUpSeconds, warmUpSeconds: 0 });
  const result = await autocannon({
    url: options.url,
    duration: options.seconds,
    connections: options.connections ?? 10,
    method: options.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...options.headers },
    ...(options.body ? { requests: [{ setupRequest: (req) => ({ ...req, body: options.body!() }) }] } : {}),
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** The round with the median request rate. */
export function median(results: LoadResult[]): LoadResult {
  return [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(results.length / 2)]!;
}

const adminUrl = (database: string) => `postgres://postgres@127.0.0.1:5432/${database}`;

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL ?? adminUrl('postgres'), connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A database environment for a target: a temp SQLite folder or a fresh PostgreSQL database. */
export async function benchDatabase(kind: 'sqlite' | 'postgres'): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-bench-'));
    return { env: { HINDSIGHT_DATA_DIR: dir }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `hindsight_bench_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl('postgres') });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  return { env: { DATABASE_URL: adminUrl(name) }, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export function writeResults(name: string, rows: Array<Record<string, unknown>>): void {
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, `${name}.json`), `${JSON.stringify({ name, at: new Date().toISOString(), rows }, null, 2)}\n`);
  console.table(rows);
}
