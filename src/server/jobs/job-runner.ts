import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { JOB_DEFAULTS, PermanentJobError, type JobDefinition } from './job-definition.js';
import { execute, LeaseLost, ShutdownAbort, type Outcome } from './job-execution.js';
import * as repo from './jobs.repo.js';
import { jobCounters, registerLocalRunner } from './local-runners.js';
import { failureRecord, retryDelayMs } from './retry-policy.js';
import { ScheduleKeeper, type JobSchedule } from './schedules.js';

export interface JobRunnerOptions {
  ctx: AppContext;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  definitions: ReadonlyArray<JobDefinition<any>>;
  schedules?: readonly JobSchedule[];
  /** Jobs run at once by this instance; default 10. */
  concurrency?: number;
  /** How often an idle runner looks for due jobs; default 1 s. */
  pollIntervalMs?: number;
  /** How long a claim holds without renewal; renewed every third of it while the job runs; default 30 s. */
  leaseMs?: number;
  /** Names this instance in `locked_by`; default host:pid:random. */
  instanceId?: string;
  /** On stop, how long running jobs may finish before they are aborted and handed back; default 10 s. */
  shutdownGraceMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** The handle for the queue's own books (claims, leases, outcomes); default ctx.db. See queue-connection.ts. */
  queueDb?: Kysely<Database>;
}

interface ActiveRun {
  row: repo.ClaimedJobRow;
  controller: AbortController;
  settled: Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Runs durable jobs: claims due ones in batches under a lease, runs up to `concurrency` at once,
 * records each outcome (done; queued again after a backoff; dead with its last error), renews the
 * leases of running jobs, and takes back jobs whose lease ended because their instance died. Also
 * enqueues the jobs of periodic schedules.
 */
export class JobRunner {
  readonly instanceId: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly #definitions: Map<string, JobDefinition<any>>;
  readonly #kinds: string[];
  readonly #schedules: ScheduleKeeper;
  readonly #active = new Map<number, ActiveRun>();
  readonly #writes = new Set<Promise<void>>();
  #done: number[] = [];
  #state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  #ticking: Promise<void> | null = null;
  #tickAgain = false;
  #wakePending = false;
  #backlog = true;
  #schedulesSynced = false;
  #lastReclaimMs = -Infinity;
  #pollTimer: NodeJS.Timeout | null = null;
  #leaseTimer: NodeJS.Timeout | null = null;
  #unregister: () => void = () => undefined;
  #stopped: Promise<void> | null = null;
  private readonly ctx: AppContext;
  private readonly queueDb: Kysely<Database>;
  private readonly concurrency: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly shutdownGraceMs: number;
  private readonly log: (message: string, error?: unknown) => void;

  constructor(options: JobRunnerOptions) {
    this.ctx = options.ctx;
    this.queueDb = options.queueDb ?? options.ctx.db;
    this.concurrency = options.concurrency ?? 10;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.shutdownGraceMs = options.shutdownGraceMs ?? 10_000;
    this.instanceId = options.instanceId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.log = options.log ?? ((message, error) => console.error(`[jobs] ${message}`, error ?? ''));
    this.#definitions = new Map(options.definitions.map((definition) => [definition.kind, definition]));
    if (this.#definitions.size !== options.definitions.length) throw new Error('Two job definitions share a kind');
    this.#kinds = [...this.#definitions.keys()];
    this.#schedules = new ScheduleKeeper(this.ctx, options.schedules ?? []);
  }

  start(): void {
    if (this.#state !== 'new') throw new Error('A job runner starts once');
    this.#state = 'running';
    this.#unregister = registerLocalRunner(this);
    this.#leaseTimer = setInterval(() => void this.#tracked(this.#renewLeases()), Math.max(this.leaseMs / 3, 10));
    this.#leaseTimer.unref();
    this.poke();
  }

  /** Wakes the poller now (e.g. after a local commit enqueued a job). */
  poke(): void {
    if (this.#state !== 'running' || this.#wakePending) return;
    this.#wakePending = true;
    // After the current I/O: jobs finishing together are recorded, and slots refilled, in one go.
    setImmediate(() => {
      this.#wakePending = false;
      this.#backlog = true;
      void this.#tick();
    });
  }

  /** Stops claiming, lets running jobs finish for a grace period, then aborts them and hands them back. */
  stop(): Promise<void> {
    this.#stopped ??= this.#shutDown();
    return this.#stopped;
  }

  async #shutDown(): Promise<void> {
    const wasRunning = this.#state === 'running';
    this.#state = 'stopping';
    this.#unregister();
    if (this.#pollTimer) clearTimeout(this.#pollTimer);
    if (wasRunning) {
      await this.#ticking;
      const allSettled = () => Promise.all([...this.#active.values()].map((run) => run.settled));
      await Promise.race([allSettled(), sleep(this.shutdownGraceMs)]);
      for (const run of this.#active.values()) run.controller.abort(new ShutdownAbort());
      await Promise.race([allSettled(), sleep(1_000)]);
      const now = this.ctx.now();
      await this.#tracked(repo.release(this.queueDb, [...this.#active.keys()], this.instanceId, now.getTime(), now.toISOString()));
      this.#active.clear();
      await this.#tracked(this.#flushDone());
      await Promise.all(this.#writes);
    }
    if (this.#leaseTimer) clearInterval(this.#leaseTimer);
    this.#state = 'stopped';
  }

  /** Keeps a write the runner started in the background, so stop() waits for it; logs its failure. */
  #tracked(write: Promise<void>): Promise<void> {
    const tracked = write.catch((error: unknown) => this.log('A job queue write failed', error));
    this.#writes.add(tracked);
    void tracked.finally(() => this.#writes.delete(tracked));
    return tracked;
  }

  async #tick(): Promise<void> {
    if (this.#ticking) {
      this.#tickAgain = true;
      return;
    }
    if (this.#pollTimer) clearTimeout(this.#pollTimer);
    let delay = this.pollIntervalMs;
    this.#ticking = (async () => {
      try {
        if (!this.#schedulesSynced) {
          await this.#schedules.sync();
          this.#schedulesSynced = true;
        }
        await this.#schedules.enqueueDue();
        await this.#reclaimExpired();
        // Recording finished jobs and claiming the next ones touch different rows: on PostgreSQL
        // they go out side by side, on two connections.
        [, delay] = await Promise.all([this.#flushDone(), this.#claim()]);
      } catch (error) {
        this.log('Polling for jobs failed; trying again at the next poll', error);
      }
    })();
    await this.#ticking;
    this.#ticking = null;
    if (this.#state !== 'running') return;
    if (this.#tickAgain) {
      this.#tickAgain = false;
      this.poke();
      return;
    }
    const untilSchedule = (this.#schedules.nextDueMs() ?? Infinity) - this.ctx.now().getTime();
    if (untilSchedule > 0) delay = Math.min(delay, untilSchedule);
    this.#pollTimer = setTimeout(() => void this.#tick(), delay);
    this.#pollTimer.unref();
  }

  /** Claims as many due jobs as there are free slots and starts them; returns how long to wait before looking again. */
  async #claim(): Promise<number> {
    const free = this.concurrency - this.#active.size;
    if (free <= 0 || this.#state !== 'running' || !this.#kinds.length) return this.pollIntervalMs;
    const now = this.ctx.now();
    if (!this.#backlog) {
      // Idle: a read first, so an empty queue costs no write (and, on SQLite, no WAL append).
      const due = await repo.nextDueAtMs(this.queueDb, this.#kinds);
      if (due === null) return this.pollIntervalMs;
      if (due > now.getTime()) return Math.min(this.pollIntervalMs, due - now.getTime());
    }
    const rows = await repo.claimJobs(this.queueDb, this.ctx.dialect, {
      kinds: this.#kinds,
      limit: free,
      instanceId: this.instanceId,
      nowMs: now.getTime(),
      leaseUntilMs: now.getTime() + this.leaseMs,
      nowIso: now.toISOString(),
    });
    this.#backlog = rows.length === free;
    for (const row of rows) this.#launch(row);
    return this.pollIntervalMs;
  }

  #launch(row: repo.ClaimedJobRow): void {
    const definition = this.#definitions.get(row.kind)!;
    // A run of this job that hung past its lease is superseded by this one.
    this.#active.get(row.id)?.controller.abort(new LeaseLost());
    const controller = new AbortController();
    const run: ActiveRun = { row, controller, settled: Promise.resolve() };
    this.#active.set(row.id, run);
    run.settled = execute(this.ctx, definition, row, controller).then((outcome) => this.#settle(run, definition, outcome));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async #settle(run: ActiveRun, definition: JobDefinition<any>, outcome: Outcome): Promise<void> {
    if (this.#active.get(run.row.id) !== run) return; // superseded: no longer ours to record
    if (!outcome.ok && outcome.error instanceof ShutdownAbort) return; // handed back by stop()
    this.#active.delete(run.row.id);
    if (outcome.ok) {
      jobCounters.succeeded++;
      this.#done.push(run.row.id);
    } else if (!(outcome.error instanceof LeaseLost)) {
      await this.#tracked(this.#recordFailure(run.row, definition, outcome.error));
    }
    this.poke();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async #recordFailure(row: repo.ClaimedJobRow, definition: JobDefinition<any>, error: unknown): Promise<void> {
    const now = this.ctx.now();
    const dead = error instanceof PermanentJobError || row.attempts >= row.max_attempts;
    const runAtMs = dead ? null : now.getTime() + retryDelayMs(row.attempts, definition.backoff ?? JOB_DEFAULTS.backoff);
    jobCounters.failedAttempts++;
    if (dead) jobCounters.dead++;
    this.log(`Job ${row.id} (${row.kind}) failed attempt ${row.attempts} of ${row.max_attempts}${dead ? '; it is dead' : ''}`, error);
    const lastError = JSON.stringify(failureRecord(error, row.attempts, now));
    await repo.markFailed(this.queueDb, row.id, this.instanceId, { runAtMs, lastError, nowIso: now.toISOString() });
  }

  /** Records the jobs that finished since the last time, in one statement. */
  async #flushDone(): Promise<void> {
    if (!this.#done.length) return;
    const ids = this.#done;
    this.#done = [];
    try {
      await repo.markDone(this.queueDb, ids, this.instanceId, this.ctx.now().toISOString());
    } catch (error) {
      this.#done.push(...ids); // next time; meanwhile their leases are still renewed
      throw error;
    }
  }

  /** Extends the leases of running jobs, and of finished ones not yet recorded (a failed write is tried again). */
  async #renewLeases(): Promise<void> {
    if ((!this.#active.size && !this.#done.length) || this.#state === 'stopped') return;
    const ids = [...this.#active.keys(), ...this.#done];
    const held = new Set(await repo.renewLeases(this.queueDb, ids, this.instanceId, this.ctx.now().getTime() + this.leaseMs));
    for (const id of ids) if (!held.has(id)) this.#active.get(id)?.controller.abort(new LeaseLost());
  }

  /** Hands back the jobs of instances that died (their lease ran out): to run again now, or dead when out of attempts. */
  async #reclaimExpired(): Promise<void> {
    const now = this.ctx.now();
    // Leases last leaseMs: looking twice per lease is soon enough, and costs one read.
    if (now.getTime() - this.#lastReclaimMs < this.leaseMs / 2) return;
    this.#lastReclaimMs = now.getTime();
    for (const row of await repo.findExpiredLeases(this.queueDb, now.getTime(), 100)) {
      const dead = row.attempts >= row.max_attempts;
      const error = new Error(`The instance running attempt ${row.attempts} stopped renewing its lease (it crashed or hung)`);
      const lastError = JSON.stringify({ ...failureRecord(error, row.attempts, now), stack: null });
      await repo.reclaimExpired(this.queueDb, row.id, row.locked_until_ms!, { dead, lastError, nowMs: now.getTime(), nowIso: now.toISOString() });
    }
  }
}
