#!/usr/bin/env node
/**
 * `npm run dev`: the API (tsx watch, port 3001, data in ./data/dev) and the Vite dev server
 * (port 5173, proxying /api and /healthz to the API). Ctrl+C stops both.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = process.env.HINDSIGHT_API_PORT ?? '3001';
const dataDir = process.env.HINDSIGHT_DATA_DIR ?? './data/dev';
mkdirSync(path.resolve(root, dataDir), { recursive: true });

const children = [];
function start(name, command, args, env) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (stream, out) =>
    stream.on('data', (chunk) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) out.write(`[${name}] ${line}\n`);
    });
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    console.log(`[${name}] exited (${signal ?? code})`);
    shutdown(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// No drain on reload: nothing balances load in development.
start('api', npx, ['tsx', 'watch', 'src/server/main.ts', 'serve'], { PORT: apiPort, HINDSIGHT_DATA_DIR: dataDir, HINDSIGHT_SHUTDOWN_DRAIN_SECONDS: '0' });
start('web', npx, ['vite'], { HINDSIGHT_API_URL: `http://127.0.0.1:${apiPort}` });
console.log(`Hindsight dev: web http://localhost:5173  ·  API http://localhost:${apiPort}  ·  data ${dataDir}`);
