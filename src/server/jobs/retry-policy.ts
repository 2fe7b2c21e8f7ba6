import type { JobError } from '../../shared/jobs/job.schema.js';

/**
 * How long to wait before the attempt after `attempt` (1-based) failed: the delay doubles from
 * `baseMs` up to `maxMs`, and a random half of it is taken off ("equal jitter"), so jobs that
 * failed together (a tracker was down) do not all come back at the same moment, yet none comes
 * back sooner than half its step.
 */
export function retryDelayMs(attempt: number, backoff: { baseMs: number; maxMs: number }, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 52);
  const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** exponent);
  return Math.round(step / 2 + random() * (step / 2));
}

const MESSAGE_LIMIT = 2_000;
const STACK_FRAMES = 8;

/** A frame without the install location: `at run (server/jobs/system.jobs.js:20:13)`. */
const shortFrame = (line: string) =>
  line
    .trim()
    .replace(/(?:file:\/\/)?\/[^\s():]*?\/(?:dist\/node|src)\//g, '')
    .replace(/(?:file:\/\/)?\/[^\s():]*\/node_modules\//g, 'node_modules/');

/** What is kept of a failure: the message and the first frames of the stack, never the whole of a huge error. */
export function failureRecord(error: unknown, attempt: number, at: Date): JobError {
  const message = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  const frames = error instanceof Error && error.stack ? error.stack.split('\n').filter((line) => /^\s+at /.test(line)).slice(0, STACK_FRAMES) : [];
  return {
    message: message.length > MESSAGE_LIMIT ? `${message.slice(0, MESSAGE_LIMIT)}…` : message,
    stack: frames.length ? frames.map(shortFrame).join('\n') : null,
    attempt,
    at: at.toISOString(),
  };
}
