import { Worker } from 'node:worker_threads';

/** How often the background connection checkpoints the WAL into the database file. */
export const CHECKPOINT_EVERY_MS = 250;
/**
 * The request path's own automatic checkpoint, in pages: a backstop that only fires when the
 * background one has fallen this far behind (40 MB of WAL).
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

export interface CheckpointResult {
  /** Frames in the WAL, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
}

/*
 * Plain JavaScript run by the worker (eval: no separate file to build or resolve). PASSIVE never
 * waits for, or blocks, the app's readers and writer.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
let previous = '';
const report = (message) => {
  const seen = JSON.stringify(message);
  if (seen !== previous) parentPort.postMessage(message);
  previous = seen;
};
const checkpoint = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result.log > 0) report({ log: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    report({ error: String(error) }); // once per distinct failure, not every 250 ms
  }
};
setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => { if (message === 'close') { checkpoint(); db.close(); process.exit(0); } });
`;

/**
 * Checkpoints a SQLite database in WAL mode from a worker thread with its own connection. Left to
 * itself SQLite checkpoints inside whichever commit crosses 1,000 pages of WAL: that commit then
 * copies the pages into the database file and waits for fsync, which took half of all commit
 * time when creating incidents. Here that work runs beside the event loop instead of in it.
 */
export class BackgroundCheckpointer {
  readonly #worker: Worker;
  readonly #exited: Promise<void>;
  #running = true;
  readonly #listeners = new Set<(result: CheckpointResult) => void>();

  constructor(file: string, driver: string) {
    this.#worker = new Worker(workerSource, { eval: true, workerData: { file, driver, everyMs: CHECKPOINT_EVERY_MS } });
    this.#worker.unref();
    this.#exited = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
    void this.#exited.then(() => (this.#running = false));
    // Without the worker SQLite's own automatic checkpoint (FALLBACK_AUTOCHECKPOINT_PAGES) still
    // bounds the WAL: a failure here is reported, never fatal.
    this.#worker.on('error', (error) => console.warn(`WAL checkpoint worker stopped: ${error.message}`));
    this.#worker.on('message', (message: CheckpointResult | { error: string }) => {
      if ('error' in message) console.warn(`WAL checkpoint failed: ${message.error}`);
      else for (const listener of this.#listeners) listener(message);
    });
  }

  /** Calls `listener` after each checkpoint that found new frames in the WAL; returns the unsubscribe. */
  onCheckpoint(listener: (result: CheckpointResult) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Runs a last checkpoint and closes the worker's connection; safe to call more than once. */
  async close(): Promise<void> {
    if (this.#running) {
      this.#worker.ref(); // keep the process alive until the worker is done
      this.#worker.postMessage('close');
    }
    await this.#exited;
  }
}
